//! Every user-visible string, in German and English.
//!
//! UI text is looked up by [`Key`]; the two tables must stay complete (a test checks that no
//! entry is empty and that the languages differ where they should).

use super::model::Lang;

const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember",
];
const MONTHS_EN_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_DE_SHORT: [&str; 12] = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];

/// The name of month `m` (1–12); `None` outside that range.
pub fn month_name(lang: Lang, m: u32, short: bool) -> Option<&'static str> {
    let table = match (lang, short) {
        (Lang::En, false) => &MONTHS_EN,
        (Lang::En, true) => &MONTHS_EN_SHORT,
        (Lang::De, false) => &MONTHS_DE,
        (Lang::De, true) => &MONTHS_DE_SHORT,
    };
    table.get((m as usize).checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_exist_for_each_month_in_both_languages() {
        for lang in Lang::ALL {
            for short in [false, true] {
                for m in 1..=12 {
                    assert!(!month_name(lang, m, short).unwrap().is_empty());
                }
                assert_eq!(month_name(lang, 0, short), None);
                assert_eq!(month_name(lang, 13, short), None);
            }
        }
        assert_eq!(month_name(Lang::De, 3, false), Some("März"));
    }
}
