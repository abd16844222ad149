//! What the reader asks for: the view state, its URL form, filtering and search.

pub mod filter;
pub mod hosturl;
pub mod search;
pub mod urlstate;
pub mod viewstate;
