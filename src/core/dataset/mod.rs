//! The dataset: its model, dates with their honest precision, and validation (what makes a
//! dataset one the rest of the core may trust).

pub mod date;
pub mod media;
pub mod model;
pub mod validate;
