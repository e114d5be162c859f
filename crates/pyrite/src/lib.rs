//! pyrite
