//! pyrite_compiler
