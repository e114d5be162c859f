//! pyrite_obmalloc
