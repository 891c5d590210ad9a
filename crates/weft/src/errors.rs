//! Last-resort error text, for failures that happen before or outside the JS
//! error printer (`process._fatalException` in `js/internal/bootstrap.js`).

use rquickjs::Value;

/// `name: message` and the stack of a thrown value, or its string form.
pub(crate) fn describe(v: &Value<'_>) -> String {
    if let Some(o) = v.as_object() {
        let stack: Option<String> = o.get("stack").ok();
        let name: Option<String> = o.get("name").ok();
        let message: Option<String> = o.get("message").ok();
        let head = match (name, message) {
            (Some(n), Some(m)) if !m.is_empty() => format!("{n}: {m}"),
            (Some(n), _) => n,
            (None, Some(m)) => m,
            (None, None) => "Uncaught exception".into(),
        };
        return match stack {
            Some(s) if s.starts_with(&head) => s,
            Some(s) => format!("{head}\n{s}"),
            None => head,
        };
    }
    if let Some(s) = v.as_string().and_then(|s| s.to_string().ok()) {
        return s;
    }
    format!("{v:?}")
}
