//! pyrite_object
