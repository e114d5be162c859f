//! Modules implemented in Rust.

pub mod math;
pub mod sys;
pub mod time;
