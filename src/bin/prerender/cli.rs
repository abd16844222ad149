//! The command itself (see `main.rs`).

use std::process::ExitCode;
use timeline_explorer::core::dataset::model::Lang;
use timeline_explorer::core::formats::read::LoadFailure;
use timeline_explorer::core::i18n::dataset_error_lines;
use timeline_explorer::core::loaded::LoadedDataset;
use timeline_explorer::prerender::{first_view, pages, Layout, Options, Size};

const USAGE: &str = "usage: prerender [DATASET.json] [--lang de|en] [--size WIDTHxHEIGHT] \
[--css FILE] [--heading]\n       prerender --pages";

/// What the command was asked for.
struct Args {
    dataset: Option<String>,
    lang: Lang,
    size: Size,
    css: String,
    heading: bool,
    pages: bool,
}

fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        dataset: None,
        lang: Lang::En,
        size: Size::default(),
        css: "first-view.css".into(),
        heading: false,
        pages: false,
    };
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--lang" => {
                let v = value("--lang")?;
                args.lang = Lang::from_code(&v).ok_or(format!("--lang must be de or en, not {v:?}"))?;
            }
            "--size" => {
                let v = value("--size")?;
                let (w, h) = v.split_once('x').ok_or("--size is WIDTHxHEIGHT in px, e.g. 1084x678")?;
                let n = |s: &str| s.parse::<f64>().ok().filter(|n| (100.0..=10_000.0).contains(n));
                let (Some(width), Some(height)) = (n(w), n(h)) else {
                    return Err(format!("--size {v:?}: width and height from 100 to 10000 px"));
                };
                args.size = Size { width, height };
            }
            "--css" => args.css = value("--css")?,
            "--heading" => args.heading = true,
            "--pages" => args.pages = true,
            "-h" | "--help" => return Err(USAGE.into()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            _ if args.dataset.is_some() => return Err(format!("one dataset only\n{USAGE}")),
            _ => args.dataset = Some(a),
        }
    }
    Ok(args)
}

fn run(args: Args) -> Result<(), String> {
    if args.pages {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for (path, text) in pages(root).map_err(|e| e.to_string())? {
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        return Ok(());
    }
    let loaded = match &args.dataset {
        None => LoadedDataset::embedded(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            LoadedDataset::from_json(&text)
        }
    }
    .map_err(|failure| match failure {
        LoadFailure::Invalid(err) => dataset_error_lines(args.lang, &err).join("\n"),
        other => format!("{other:?}"),
    })?;
    let options = Options {
        langs: vec![args.lang],
        layouts: vec![Layout::fixed(args.size)],
        heading: args.heading,
        embed_control: false,
    };
    let view = first_view(&loaded, &options);
    std::fs::write(&args.css, view.css).map_err(|e| format!("{}: {e}", args.css))?;
    print!("{}", view.html);
    eprintln!("wrote the stylesheet to {} (link it with timeline.css)", args.css);
    Ok(())
}

pub fn main() -> ExitCode {
    match parse(std::env::args().skip(1)).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
