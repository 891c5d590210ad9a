//! Module loading glue. CommonJS lives in JS (`js/internal/modules/cjs.js`);
//! Rust compiles sources with their file names, and serves QuickJS's ES module
//! hooks by asking that same JS resolver, so both systems resolve alike.

use std::rc::Rc;

use rquickjs::loader::{ImportAttributes, Loader, Resolver};
use rquickjs::{Array, Ctx, Error, Function, Module, Object, Persistent, Result, Value};

use crate::bindings::set_fn;
use crate::event_loop::Loop;

pub(crate) fn builtins_binding<'js>(_ctx: &Ctx<'js>, obj: &Object<'js>) -> Result<()> {
    set_fn(obj, "compile", |ctx: Ctx<'js>, id: String| {
        crate::builtins::compile(&ctx, &id)
    })?;
    set_fn(obj, "exists", |id: String| crate::builtins::exists(&id))?;
    set_fn(obj, "ids", |ctx: Ctx<'js>| -> Result<Array<'js>> {
        let a = Array::new(ctx)?;
        for (i, id) in crate::builtins::public_ids().enumerate() {
            a.set(i, id)?;
        }
        Ok(a)
    })?;
    Ok(())
}

/// Compiles and runs `source` as sloppy-mode global code named `filename`,
/// numbering its lines from `first_line`.
fn compile_script<'js>(
    ctx: &Ctx<'js>,
    source: String,
    filename: String,
    first_line: i32,
) -> Result<Value<'js>> {
    let src = std::ffi::CString::new(source)?;
    let name = std::ffi::CString::new(filename)?;
    let mut opts = rquickjs::qjs::JSEvalOptions {
        version: rquickjs::qjs::JS_EVAL_OPTIONS_VERSION as i32,
        eval_flags: rquickjs::qjs::JS_EVAL_TYPE_GLOBAL as i32,
        filename: name.as_ptr(),
        line_num: first_line,
    };
    // SAFETY: source and name outlive the call; the result is owned by the returned Value.
    unsafe {
        let v = rquickjs::qjs::JS_Eval2(
            ctx.as_raw().as_ptr(),
            src.as_ptr(),
            src.as_bytes().len() as _,
            &mut opts,
        );
        if rquickjs::qjs::JS_IsException(v) {
            return Err(Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

pub(crate) fn modules_binding<'js>(_ctx: &Ctx<'js>, obj: &Object<'js>) -> Result<()> {
    // A CommonJS module's wrapper, on the first line so that line numbers match the file.
    set_fn(
        obj,
        "compileFunction",
        |ctx: Ctx<'js>, source: String, filename: String| -> Result<Value<'js>> {
            let wrapped = format!(
                "\n(function (exports, require, module, __filename, __dirname) {{\n{}\n}})",
                strip_shebang(&source)
            );
            // The engine treats 0 as "unset": start at -1 so the wrapper sits on line 0.
            compile_script(&ctx, wrapped, filename, -1)
        },
    )?;
    set_fn(
        obj,
        "runScript",
        |ctx: Ctx<'js>, source: String, filename: String| compile_script(&ctx, source, filename, 1),
    )?;
    // import(specifier) from `base` (an absolute path); returns the promise of the namespace.
    set_fn(
        obj,
        "importModule",
        |ctx: Ctx<'js>, specifier: String| -> Result<Value<'js>> {
            Module::import(&ctx, specifier).map(|p| p.into_value())
        },
    )?;
    Ok(())
}

fn strip_shebang(s: &str) -> &str {
    if s.starts_with("#!") {
        // Keep the newline so that line numbers stay right.
        &s[s.find('\n').unwrap_or(s.len())..]
    } else {
        s
    }
}

/// QuickJS's module resolver: asks JS `esmResolve(specifier, base)`.
pub(crate) struct JsResolver(pub Rc<Loop>);
/// QuickJS's module loader: asks JS `esmLoad(name)` for `[kind, text]`.
pub(crate) struct JsLoader(pub Rc<Loop>);

fn hook<'js>(
    lp: &Loop,
    ctx: &Ctx<'js>,
    pick: fn(&crate::event_loop::Hooks) -> &Option<Persistent<Function<'static>>>,
) -> Result<Function<'js>> {
    let p = pick(&lp.hooks.borrow())
        .clone()
        .ok_or_else(|| Error::new_loading("module hooks not ready"))?;
    p.restore(ctx)
}

impl Resolver for JsResolver {
    fn resolve<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        _attrs: Option<ImportAttributes<'js>>,
    ) -> Result<String> {
        let f = hook(&self.0, ctx, |h| &h.esm_resolve)?;
        f.call((name, base))
    }
}

impl Loader for JsLoader {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        _attrs: Option<ImportAttributes<'js>>,
    ) -> Result<Module<'js>> {
        let f = hook(&self.0, ctx, |h| &h.esm_load)?;
        // [source, url]: ES source text (synthetic for CommonJS, JSON and built-ins).
        let r: Array = f.call((name,))?;
        let source: String = r.get(0)?;
        let url: String = r.get(1)?;
        let m = Module::declare(ctx.clone(), name, strip_shebang(&source).to_string())?;
        let meta = m.meta()?;
        meta.set("url", url)?;
        Ok(m)
    }
}
