//! pyrite: a Python 3.11 interpreter whose runtime is CPython's memory model.
//!
//! This crate is the embedding API and the command-line front end. A Rust
//! program embeds Python like this:
//!
//! ```no_run
//! let interp = pyrite::Interpreter::new(vec!["embedded".into()]);
//! interp.run_source("print(6 * 7)", "<embedded>").unwrap();
//! ```

use pyrite_vm::types::module::{module_dict, new_module};
use pyrite_vm::types::typeobj::NativeFn;
use pyrite_vm::vm::VmBox;
use pyrite_vm::{PyErr, PyRef, Vm};

/// An interpreter with its `__main__` module.
pub struct Interpreter {
    vm: VmBox,
    main: PyRef,
}

pub use pyrite_vm::eval::Exit;

impl Interpreter {
    /// Create an interpreter; `argv` becomes `sys.argv`.
    pub fn new(argv: Vec<String>) -> Interpreter {
        let vm = pyrite_vm::eval::run::new_interpreter(argv);
        let main = new_module(&vm, "__main__");
        vm.dict_set_str(module_dict(&main), "__builtins__", vm.builtins_module());
        vm.dict_set_str(&vm.modules, "__main__", main.clone());
        Interpreter { vm, main }
    }

    /// The underlying VM.
    pub fn vm(&self) -> &Vm {
        &self.vm
    }

    /// Run source text as the `__main__` module.
    pub fn run_source(&self, source: &str, filename: &str) -> Result<PyRef, PyErr> {
        let d = module_dict(&self.main);
        self.vm.dict_set_str(d, "__file__", self.vm.new_str(filename));
        let code = self.vm.compile(source, filename, pyrite_compiler::bytecode::Mode::Exec)?;
        self.vm.run_code(&code, d, None)
    }

    /// Evaluate an expression in `__main__`'s namespace.
    pub fn eval(&self, expr: &str) -> Result<PyRef, PyErr> {
        let code = self.vm.compile(expr, "<string>", pyrite_compiler::bytecode::Mode::Eval)?;
        self.vm.run_code(&code, module_dict(&self.main), None)
    }

    /// Make a Rust function callable from Python as a global of `__main__`.
    pub fn register_function(&self, name: &'static str, f: NativeFn) {
        let func = self.vm.new_builtin_function(name, f, Some("__main__"));
        self.vm.dict_set_str(module_dict(&self.main), name, func);
    }

    /// Handle the result of a run as the CLI does: print an uncaught
    /// exception's traceback, map `SystemExit` to an exit code.
    pub fn finish(&self, r: Result<PyRef, PyErr>) -> Exit {
        pyrite_vm::eval::run::finish(&self.vm, r)
    }
}

impl Drop for Interpreter {
    fn drop(&mut self) {
        pyrite_vm::eval::run::shutdown(&self.vm);
        Vm::leave();
    }
}
