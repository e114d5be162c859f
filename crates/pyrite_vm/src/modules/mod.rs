//! Modules implemented in Rust.

pub mod atexit;
pub mod gc;
pub mod json;
pub mod math;
pub mod pyrite;
pub mod sre;
pub mod sys;
pub mod time;
pub mod weakref;
