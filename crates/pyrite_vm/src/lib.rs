//! pyrite_vm
