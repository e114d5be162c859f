//! The import system: `sys.modules`, builtin (Rust) modules, frozen
//! pure-Python modules from `lib/`, and `.py` files and packages found on
//! `sys.path`.

use crate::object::PyRef;
use crate::types::dict::DictObj;
use crate::types::module::{module_dict, new_module};
use crate::vm::Vm;
use crate::PyResult;

/// Pure-Python modules embedded in the binary: (name, is_package, source).
pub const FROZEN: &[(&str, bool, &str)] = &[
    ("functools", false, include_str!("../../../lib/functools.py")),
    ("operator", false, include_str!("../../../lib/operator.py")),
    ("keyword", false, include_str!("../../../lib/keyword.py")),
    ("string", false, include_str!("../../../lib/string.py")),
    ("bisect", false, include_str!("../../../lib/bisect.py")),
    ("heapq", false, include_str!("../../../lib/heapq.py")),
    ("abc", false, include_str!("../../../lib/abc.py")),
    ("collections", true, include_str!("../../../lib/collections/__init__.py")),
    ("collections.abc", false, include_str!("../../../lib/collections/abc.py")),
    ("itertools", false, include_str!("../../../lib/itertools.py")),
    ("types", false, include_str!("../../../lib/types.py")),
    ("copy", false, include_str!("../../../lib/copy.py")),
    ("contextlib", false, include_str!("../../../lib/contextlib.py")),
    ("dataclasses", false, include_str!("../../../lib/dataclasses.py")),
    ("random", false, include_str!("../../../lib/random.py")),
    ("enum", false, include_str!("../../../lib/enum.py")),
    ("statistics", false, include_str!("../../../lib/statistics.py")),
    ("re", false, include_str!("../../../lib/re.py")),
    ("posixpath", false, include_str!("../../../lib/posixpath.py")),
    ("os", false, include_str!("../../../lib/os.py")),
    ("typing", false, include_str!("../../../lib/typing.py")),
    ("textwrap", false, include_str!("../../../lib/textwrap.py")),
    ("numbers", false, include_str!("../../../lib/numbers.py")),
    ("fractions", false, include_str!("../../../lib/fractions.py")),
    ("io", false, include_str!("../../../lib/io.py")),
    ("pprint", false, include_str!("../../../lib/pprint.py")),
    ("graphlib", false, include_str!("../../../lib/graphlib.py")),
    ("fnmatch", false, include_str!("../../../lib/fnmatch.py")),
    ("shlex", false, include_str!("../../../lib/shlex.py")),
    ("reprlib", false, include_str!("../../../lib/reprlib.py")),
    ("queue", false, include_str!("../../../lib/queue.py")),
    ("base64", false, include_str!("../../../lib/base64.py")),
    ("datetime", false, include_str!("../../../lib/datetime.py")),
    ("struct", false, include_str!("../../../lib/struct.py")),
    ("warnings", false, include_str!("../../../lib/warnings.py")),
    ("inspect", false, include_str!("../../../lib/inspect.py")),
    ("json", true, include_str!("../../../lib/json/__init__.py")),
    ("json.decoder", false, include_str!("../../../lib/json/decoder.py")),
    ("json.encoder", false, include_str!("../../../lib/json/encoder.py")),
    ("json.scanner", false, include_str!("../../../lib/json/scanner.py")),
    ("_weakrefset", false, include_str!("../../../lib/_weakrefset.py")),
    ("weakref", false, include_str!("../../../lib/weakref.py")),
];

impl Vm {
    /// The module `sys.modules` has under `name`; `None` there stops the
    /// import (CPython's way to block one).
    fn imported(&self, name: &str) -> PyResult<Option<PyRef>> {
        match self.dict_get_str(&self.modules, name) {
            Some(m) if self.is_none(&m) => Err(self.new_exception_msg(
                &self.exc.module_not_found_error,
                &format!("import of {name} halted; None in sys.modules"),
            )),
            m => Ok(m),
        }
    }

    /// Import the absolute module `name` (dotted), returning the module itself.
    pub fn import_module(&self, name: &str) -> PyResult {
        if let Some(m) = self.imported(name)? {
            return Ok(m);
        }
        let (parent, path) = match name.rfind('.') {
            Some(i) => {
                let p = self.import_module(&name[..i])?;
                if let Some(m) = self.imported(name)? {
                    return Ok(m);
                }
                let path = self.dict_get_str(module_dict(&p), "__path__");
                match path {
                    Some(path) => (Some(p), self.collect(&path)?),
                    None => {
                        return Err(self.new_exception_msg(
                            &self.exc.module_not_found_error,
                            &format!("No module named '{}'; '{}' is not a package", name, &name[..i]),
                        ))
                    }
                }
            }
            None => (None, self.sys_path()?),
        };
        let m = self.find_and_load(name, &path)?;
        if let Some(p) = parent {
            let short = &name[name.rfind('.').map_or(0, |i| i + 1)..];
            self.set_attr_str(&p, short, m.clone())?;
        }
        Ok(m)
    }

    fn sys_path(&self) -> PyResult<Vec<PyRef>> {
        let sys = self.sys.borrow().clone();
        match sys.and_then(|s| self.dict_get_str(module_dict(&s), "path")) {
            Some(p) => self.collect(&p),
            None => Ok(Vec::new()),
        }
    }

    fn find_and_load(&self, name: &str, path: &[PyRef]) -> PyResult {
        if let Some(m) = self.builtin_module(name)? {
            self.dict_set_str(&self.modules, name, m.clone());
            return Ok(m);
        }
        if let Some((_, is_pkg, src)) = FROZEN.iter().find(|(n, _, _)| *n == name) {
            return self.load_source(name, src, &format!("<frozen {}>", name), if *is_pkg { Some(String::new()) } else { None });
        }
        let short = &name[name.rfind('.').map_or(0, |i| i + 1)..];
        for dir in path {
            let Some(dir) = self.str_of(dir) else { continue };
            let base = if dir.is_empty() { ".".to_string() } else { dir.to_string() };
            let pkg_init = format!("{}/{}/__init__.py", base, short);
            if let Ok(src) = std::fs::read_to_string(&pkg_init) {
                return self.load_source(name, &src, &pkg_init, Some(format!("{}/{}", base, short)));
            }
            let file = format!("{}/{}.py", base, short);
            if let Ok(src) = std::fs::read_to_string(&file) {
                return self.load_source(name, &src, &file, None);
            }
        }
        let e = self.new_exception_msg(&self.exc.module_not_found_error, &format!("No module named '{}'", name));
        crate::types::exceptions::set_exc_attr(self, &e.0, "name", self.new_str(name));
        Err(e)
    }

    fn builtin_module(&self, name: &str) -> PyResult<Option<PyRef>> {
        Ok(Some(match name {
            "gc" => crate::modules::gc::make_module(self)?,
            "_pyrite" => crate::modules::pyrite::make_module(self)?,
            "math" => crate::modules::math::make_module(self)?,
            "time" => crate::modules::time::make_module(self)?,
            "_weakref" => crate::modules::weakref::make_module(self)?,
            "_json" => crate::modules::json::make_module(self)?,
            "atexit" => crate::modules::atexit::make_module(self)?,
            "_sre" => crate::modules::sre::make_module(self)?,
            _ => return Ok(None),
        }))
    }

    /// Execute module source as module `name` and register it in `sys.modules`.
    pub fn load_source(&self, name: &str, src: &str, filename: &str, pkg_path: Option<String>) -> PyResult {
        let m = new_module(self, name);
        let d = module_dict(&m).clone();
        self.dict_set_str(&d, "__file__", self.new_str(filename));
        let package = match &pkg_path {
            Some(p) => {
                self.dict_set_str(&d, "__path__", self.new_list(vec![self.new_str(p)]));
                name.to_string()
            }
            None => name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
        };
        self.dict_set_str(&d, "__package__", self.new_str(&package));
        self.dict_set_str(&self.modules, name, m.clone());
        let code = self.compile(src, filename, pyrite_compiler::bytecode::Mode::Exec);
        let r = code.and_then(|c| self.run_code(&c, &d, None));
        if let Err(e) = r {
            if let Some(md) = self.modules.downcast::<DictObj>() {
                let _ = md.pop_item(self, &self.new_str(name));
            }
            return Err(e);
        }
        Ok(self.dict_get_str(&self.modules, name).unwrap_or(m))
    }
}

/// Resolve a relative import against the importing module's package.
fn resolve_name(vm: &Vm, name: &str, globals: &PyRef, level: usize) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let pkg = vm
        .dict_get_str(globals, "__package__")
        .and_then(|p| vm.str_of(&p).map(str::to_string))
        .filter(|p| !p.is_empty());
    let Some(pkg) = pkg else {
        return Err(vm.new_exception_msg(&vm.exc.import_error, "attempted relative import with no known parent package"));
    };
    let parts: Vec<&str> = pkg.split('.').collect();
    if level > parts.len() {
        return Err(vm.new_exception_msg(&vm.exc.import_error, "attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() - (level - 1)].join(".");
    Ok(if name.is_empty() { base } else { format!("{}.{}", base, name) })
}

/// `IMPORT_NAME`: `__import__(name, globals, None, fromlist, level)`.
pub fn import_name(vm: &Vm, name: &PyRef, globals: &PyRef, fromlist: &PyRef, level: &PyRef) -> PyResult {
    let level = vm.small_int_of(level).unwrap_or(0).max(0) as usize;
    let name = vm.str_of(name).unwrap_or("").to_string();
    let full = resolve_name(vm, &name, globals, level)?;
    let m = vm.import_module(&full)?;
    let has_fromlist = !vm.is_none(fromlist) && vm.truthy(fromlist)?;
    if has_fromlist {
        if vm.dict_get_str(module_dict(&m), "__path__").is_some() {
            for item in vm.collect(fromlist)? {
                let Some(s) = vm.str_of(&item) else { continue };
                if s != "*" && vm.lookup_attr_str(&m, s)?.is_none() {
                    let sub = format!("{}.{}", full, s);
                    match vm.import_module(&sub) {
                        Ok(_) => {}
                        Err(e) if vm.is_instance(&e.0, &vm.exc.module_not_found_error) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        return Ok(m);
    }
    if level == 0 {
        if let Some(top) = name.split('.').next() {
            if top != name {
                return vm.import_module(top);
            }
        }
        return Ok(m);
    }
    let top_len = full.len() - name.len();
    let head = match name.split('.').next() {
        Some(h) if !name.is_empty() => format!("{}{}", &full[..top_len], h),
        _ => full.clone(),
    };
    vm.import_module(&head)
}

/// `IMPORT_FROM`: `from m import name`.
pub fn import_from(vm: &Vm, m: &PyRef, name: &PyRef) -> PyResult {
    match vm.get_attr(m, name) {
        Ok(v) => Ok(v),
        Err(e) if vm.is_instance(&e.0, &vm.exc.attribute_error) => {
            let mname = vm
                .lookup_attr_str(m, "__name__")?
                .and_then(|n| vm.str_of(&n).map(str::to_string))
                .unwrap_or_else(|| "?".into());
            let n = vm.str_of(name).unwrap_or("?");
            if let Ok(sub) = vm.import_module(&format!("{}.{}", mname, n)) {
                return Ok(sub);
            }
            let file = vm.lookup_attr_str(m, "__file__")?.and_then(|f| vm.str_of(&f).map(str::to_string));
            Err(vm.new_exception_msg(
                &vm.exc.import_error,
                &match file {
                    Some(f) => format!("cannot import name '{}' from '{}' ({})", n, mname, f),
                    None => format!("cannot import name '{}' from '{}' (unknown location)", n, mname),
                },
            ))
        }
        Err(e) => Err(e),
    }
}

/// `from m import *`.
pub fn import_star(vm: &Vm, m: &PyRef, locals: &PyRef) -> PyResult<()> {
    let names = match vm.lookup_attr_str(m, "__all__")? {
        Some(all) => vm.collect(&all)?,
        None => {
            let d = vm.get_attr_str(m, "__dict__")?;
            let keys = d.downcast::<DictObj>().map(DictObj::keys).unwrap_or_default();
            keys.into_iter().filter(|k| vm.str_of(k).is_some_and(|s| !s.starts_with('_'))).collect()
        }
    };
    for n in names {
        let v = vm.get_attr(m, &n)?;
        vm.set_item(locals, &n, v)?;
    }
    Ok(())
}
