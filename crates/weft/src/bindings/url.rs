//! WHATWG URL parsing through the `url` crate (Node uses Ada; both follow the
//! WHATWG URL Standard). Components cross to JS as an array:
//! `[href, origin, protocol, username, password, host, hostname, port, pathname, search, hash]`.

use rquickjs::{Array, Ctx, Object, Result};

use super::set_fn;

fn components<'js>(ctx: &Ctx<'js>, u: &url::Url) -> Result<Array<'js>> {
    let a = Array::new(ctx.clone())?;
    let origin = u.origin();
    a.set(0, u.as_str())?;
    a.set(
        1,
        if origin.is_tuple() {
            origin.ascii_serialization()
        } else {
            "null".into()
        },
    )?;
    a.set(2, format!("{}:", u.scheme()))?;
    a.set(3, u.username())?;
    a.set(4, u.password().unwrap_or(""))?;
    let host = u.host_str().unwrap_or("");
    a.set(
        5,
        match u.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.to_string(),
        },
    )?;
    a.set(6, host)?;
    a.set(7, u.port().map(|p| p.to_string()).unwrap_or_default())?;
    a.set(8, u.path())?;
    a.set(
        9,
        match u.query() {
            Some(q) if !q.is_empty() => format!("?{q}"),
            _ => String::new(),
        },
    )?;
    a.set(
        10,
        match u.fragment() {
            Some(f) if !f.is_empty() => format!("#{f}"),
            _ => String::new(),
        },
    )?;
    Ok(a)
}

pub(super) fn init<'js>(_ctx: &Ctx<'js>, obj: &Object<'js>) -> Result<()> {
    set_fn(
        obj,
        "parse",
        |ctx: Ctx<'js>, input: String, base: Option<String>| -> Result<Option<Array<'js>>> {
            let parsed = match base {
                Some(b) => url::Url::parse(&b).and_then(|b| b.join(&input)),
                None => url::Url::parse(&input),
            };
            match parsed {
                Ok(u) => components(&ctx, &u).map(Some),
                Err(_) => Ok(None),
            }
        },
    )?;
    // Applies a setter to `href`; returns the new components (unchanged on a rejected value).
    set_fn(
        obj,
        "update",
        |ctx: Ctx<'js>, href: String, field: String, value: String| -> Result<Option<Array<'js>>> {
            let Ok(mut u) = url::Url::parse(&href) else {
                return Ok(None);
            };
            let v = value.as_str();
            match field.as_str() {
                "href" => match url::Url::parse(v) {
                    Ok(n) => u = n,
                    Err(_) => return Ok(None),
                },
                "protocol" => {
                    let _ = u.set_scheme(v.split(':').next().unwrap_or(""));
                }
                "username" => {
                    let _ = u.set_username(v);
                }
                "password" => {
                    let _ = u.set_password(if v.is_empty() { None } else { Some(v) });
                }
                "host" => {
                    if !u.cannot_be_a_base() {
                        let (h, p) = match v.rsplit_once(':') {
                            Some((h, p))
                                if !h.ends_with(']') || v.starts_with('[') && h.ends_with(']') =>
                            {
                                (h, p.parse::<u16>().ok())
                            }
                            _ => (v, None),
                        };
                        if u.set_host(Some(h)).is_ok() {
                            if let Some(p) = p {
                                let _ = u.set_port(Some(p));
                            }
                        }
                    }
                }
                "hostname" => {
                    if !u.cannot_be_a_base() {
                        let _ = u.set_host(Some(v));
                    }
                }
                "port" => {
                    if v.is_empty() {
                        let _ = u.set_port(None);
                    } else {
                        let digits: String = v.chars().take_while(|c| c.is_ascii_digit()).collect();
                        if let Ok(p) = digits.parse::<u16>() {
                            let _ = u.set_port(Some(p));
                        }
                    }
                }
                "pathname" => {
                    if !u.cannot_be_a_base() {
                        u.set_path(v)
                    }
                }
                "search" => u.set_query(match v.strip_prefix('?').unwrap_or(v) {
                    "" => None,
                    q => Some(q),
                }),
                "hash" => u.set_fragment(match v.strip_prefix('#').unwrap_or(v) {
                    "" => None,
                    f => Some(f),
                }),
                _ => {}
            }
            components(&ctx, &u).map(Some)
        },
    )?;
    set_fn(obj, "domainToASCII", |d: String| {
        url::Url::parse(&format!("ws://{d}"))
            .ok()
            .and_then(|u| u.host_str().map(String::from))
            .unwrap_or_default()
    })?;
    set_fn(obj, "domainToUnicode", |d: String| idna_to_unicode(&d))?;
    Ok(())
}

fn idna_to_unicode(d: &str) -> String {
    let (s, r) = url::Url::parse(&format!("ws://{d}"))
        .ok()
        .and_then(|u| u.host_str().map(|h| (h.to_string(), ())))
        .unwrap_or_default();
    let _ = r;
    s
}
