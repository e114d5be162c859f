//! Calling objects (vectorcall style: a slice of arguments plus keyword names).

use crate::object::PyRef;
use crate::types::descr::BuiltinFunctionObj;
use crate::types::function::MethodObj;
use crate::types::typeobj::{FuncArgs, Layout};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `f(*args, **kwargs)` in vectorcall form.
    pub fn call(&self, f: &PyRef, args: FuncArgs<'_>) -> PyResult {
        match f.ty().layout {
            Layout::Function => crate::eval::call_function(self, f, args),
            Layout::BuiltinFunction => {
                // SAFETY: layout checked.
                let b = unsafe { f.downcast_unchecked::<BuiltinFunctionObj>() };
                match &b.self_ {
                    None => {
                        if let Some(owner) = &b.objclass {
                            check_descriptor_self(self, b, owner, args.args)?;
                        }
                        (b.func)(self, args)
                    }
                    Some(s) => {
                        let all = prepend(s, args.args);
                        (b.func)(self, FuncArgs { args: &all, kwnames: args.kwnames })
                    }
                }
            }
            Layout::Method => {
                // SAFETY: layout checked.
                let m = unsafe { f.downcast_unchecked::<MethodObj>() };
                let all = prepend(&m.self_, args.args);
                self.call(&m.func, FuncArgs { args: &all, kwnames: args.kwnames })
            }
            _ => match f.ty().slots().call {
                Some(c) => {
                    self.check_recursion()?;
                    let r = c(self, f, args);
                    self.leave_recursion();
                    r
                }
                None => Err(self.type_error(format!("'{}' object is not callable", f.ty().name()))),
            },
        }
    }

    /// Whether `callable(o)`.
    pub fn is_callable(&self, o: &PyRef) -> bool {
        matches!(o.ty().layout, Layout::Function | Layout::BuiltinFunction | Layout::Method)
            || o.ty().slots().call.is_some()
    }
}

/// `[first] + rest` as a new vector of references.
pub fn prepend(first: &PyRef, rest: &[PyRef]) -> Vec<PyRef> {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first.clone());
    v.extend(rest.iter().cloned());
    v
}

/// An unbound method descriptor (`list.append(x, 1)`) must get an instance
/// of its class first.
#[cold]
fn check_descriptor_self(vm: &Vm, b: &BuiltinFunctionObj, owner: &PyRef, args: &[PyRef]) -> PyResult<()> {
    let Some(t) = crate::types::TypeRef::new(owner.clone()) else { return Ok(()) };
    match args.first() {
        None => Err(vm.type_error(format!("unbound method {}.{}() needs an argument", t.name(), b.name))),
        Some(s) if !s.ty().is_subtype(&t) => Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            b.name,
            t.name(),
            s.ty().name()
        ))),
        _ => Ok(()),
    }
}
