//! Generators: a suspended frame plus its state.
pub use crate::eval::generator::GeneratorObj;
