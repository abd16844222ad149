//! The dataset: its model, dates with their honest precision, validation, and the dataset
//! compiled into the widget.

pub mod date;
pub mod embedded;
pub mod model;
pub mod validate;
