//! pyrite's runtime: the refcounted object model, the builtin types, the eval
//! loop, builtins and Rust-implemented modules.
//!
//! Module map:
//! - [`object`]: object header, owning references, allocation, trashcan (all raw-pointer code).
//! - [`types`]: the type object and one module per builtin type.
//! - [`vm`]: interpreter and thread state, singletons, builtin type registry.
//! - [`ops`]: the abstract object protocol (attribute access, calls, operators).
//! - [`eval`]: frames and the bytecode eval loop.
//! - [`builtins`], [`modules`]: the `builtins` module and Rust-implemented modules.
//! - [`import`]: the import system.

pub mod builtins;
pub mod error;
pub mod eval;
pub mod import;
pub mod modules;
pub mod object;
pub mod ops;
pub mod types;
pub mod vm;

pub use error::{PyErr, PyResult};
pub use object::{PyObject, PyRef};
pub use vm::Vm;
