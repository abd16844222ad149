//! Small helpers with no knowledge of timelines: hashing, sorting, keyed list updates.

pub mod hashing;
pub mod keyed;
pub mod sorting;
