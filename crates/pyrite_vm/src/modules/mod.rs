//! Modules implemented in Rust.

pub mod atexit;
pub mod math;
pub mod sys;
pub mod time;
pub mod weakref;
