//! TLS natives (Node's `tls_wrap` and `crypto.SecureContext` parts): secure
//! contexts, upgrading a connected TCP handle to TLS, and what a TLS socket
//! reports about its session and its peer's certificates.

use std::cell::RefCell;
use std::rc::Rc;

use rquickjs::{Array, Ctx, Exception, Object, Result, Value};

use super::set_fn;
use crate::event_loop::Loop;
use crate::handles::{new_buffer, Io};
use crate::tls::{self, ConnOptions, SecureContext};

thread_local! {
    static CONTEXTS: RefCell<Vec<Option<Rc<SecureContext>>>> = const { RefCell::new(Vec::new()) };
}

fn context(id: u32) -> Option<Rc<SecureContext>> {
    CONTEXTS.with(|c| c.borrow().get(id as usize).cloned().flatten())
}

fn throw(ctx: &Ctx<'_>, msg: &str) -> rquickjs::Error {
    Exception::throw_message(ctx, msg)
}

fn strings(v: Option<Value<'_>>) -> Result<Vec<String>> {
    let Some(v) = v else { return Ok(Vec::new()) };
    if let Some(s) = v.as_string() {
        return Ok(vec![s.to_string()?]);
    }
    if let Some(a) = v.as_array() {
        let mut out = Vec::new();
        for x in a.iter::<String>() {
            out.push(x?);
        }
        return Ok(out);
    }
    Ok(Vec::new())
}

fn name_object<'js>(ctx: &Ctx<'js>, attrs: &[(String, String)]) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    for (k, v) in attrs {
        // Repeated attributes (several OU) become arrays, as in Node.
        let existing: Value = o.get(k.as_str())?;
        if existing.is_undefined() {
            o.set(k.as_str(), v.as_str())?;
        } else if let Some(a) = existing.as_array() {
            a.set(a.len(), v.as_str())?;
        } else {
            let a = Array::new(ctx.clone())?;
            a.set(0, existing)?;
            a.set(1, v.as_str())?;
            o.set(k.as_str(), a)?;
        }
    }
    Ok(o)
}

pub(super) fn init<'js>(_ctx: &Ctx<'js>, lp: &Rc<Loop>, obj: &Object<'js>) -> Result<()> {
    // createContext({ ca, cert, key, minVersion, maxVersion }) -> id; bad PEM throws.
    set_fn(
        obj,
        "createContext",
        |ctx: Ctx<'js>, o: Object<'js>| -> Result<u32> {
            let ca = strings(o.get("ca")?)?;
            let certs = strings(o.get("cert")?)?;
            let keys = strings(o.get("key")?)?;
            let min: Option<String> = o.get("minVersion")?;
            let max: Option<String> = o.get("maxVersion")?;
            let versions = tls::versions(
                min.as_deref().unwrap_or("TLSv1.2"),
                max.as_deref().unwrap_or("TLSv1.3"),
            )
            .map_err(|e| throw(&ctx, &e))?;
            let mut ca_ders = Vec::new();
            let roots = if ca.is_empty() {
                tls::system_roots()
            } else {
                let mut store = rustls::RootCertStore::empty();
                for pem in &ca {
                    for c in tls::parse_certs(pem.as_bytes()).map_err(|e| throw(&ctx, &e))? {
                        ca_ders.push(c.to_vec());
                        // A certificate webpki cannot use as an anchor still counts by exact match.
                        let _ = store.add(c);
                    }
                }
                std::sync::Arc::new(store)
            };
            let mut chain = Vec::new();
            for pem in &certs {
                chain.extend(tls::parse_certs(pem.as_bytes()).map_err(|e| throw(&ctx, &e))?);
            }
            let key = match keys.first() {
                Some(k) => Some(tls::parse_key(k.as_bytes()).map_err(|e| throw(&ctx, &e))?),
                None => None,
            };
            let sc = Rc::new(SecureContext {
                roots,
                ca_ders: std::sync::Arc::new(ca_ders),
                chain,
                key,
                versions,
            });
            Ok(CONTEXTS.with(|c| {
                let mut c = c.borrow_mut();
                if let Some(i) = c.iter().position(Option::is_none) {
                    c[i] = Some(sc);
                    i as u32
                } else {
                    c.push(Some(sc));
                    (c.len() - 1) as u32
                }
            }))
        },
    )?;
    set_fn(obj, "freeContext", |id: u32| {
        CONTEXTS.with(|c| {
            if let Some(slot) = c.borrow_mut().get_mut(id as usize) {
                *slot = None;
            }
        })
    })?;
    // wrap(handleId, contextId, isServer, { servername, host, ALPNProtocols, requestCert })
    let l = lp.clone();
    set_fn(
        obj,
        "wrap",
        move |ctx: Ctx<'js>, id: u32, ctx_id: u32, is_server: bool, o: Object<'js>| -> Result<()> {
            let sc = context(ctx_id).ok_or_else(|| throw(&ctx, "invalid secure context"))?;
            let opts = ConnOptions {
                servername: o.get("servername")?,
                reject_unauthorized: o
                    .get::<_, Option<bool>>("rejectUnauthorized")?
                    .unwrap_or(true),
                alpn: strings(o.get("ALPNProtocols")?)?
                    .into_iter()
                    .map(String::into_bytes)
                    .collect(),
                request_cert: o.get::<_, Option<bool>>("requestCert")?.unwrap_or(false),
            };
            let host: Option<String> = o.get("host")?;
            let token = {
                let mut h = l.handles.borrow_mut();
                let slot = h
                    .get_mut(id)
                    .ok_or_else(|| throw(&ctx, "socket is closed"))?;
                let tcp = match std::mem::replace(&mut slot.io, Io::Empty) {
                    Io::Tcp(t) => t,
                    other => {
                        slot.io = other;
                        return Err(throw(&ctx, "TLS needs a connected TCP socket"));
                    }
                };
                let sni: bool = o.get::<_, Option<bool>>("sni")?.unwrap_or(false);
                if is_server && sni {
                    // The context is chosen by JS once the ClientHello is in (onsni).
                    slot.io = Io::TlsAccept(Box::new(tls::server_sni(tcp, opts)));
                    let t = slot.token(id, false);
                    drop(h);
                    l.shared_push(t);
                    return Ok(());
                }
                let r = if is_server {
                    tls::server(tcp, &sc, opts)
                } else {
                    tls::client(tcp, &sc, opts, host.as_deref().unwrap_or("localhost"))
                };
                match r {
                    Ok(t) => slot.io = Io::Tls(Box::new(t)),
                    Err(e) => return Err(throw(&ctx, &e)),
                }
                slot.token(id, false)
            };
            // Start the handshake: the client's hello goes out, both sides read.
            l.shared_push(token);
            l.shared_push(token | 1);
            Ok(())
        },
    )?;
    // sniDone(handleId, contextId): continue a handshake waiting in onsni.
    let l = lp.clone();
    set_fn(
        obj,
        "sniDone",
        move |ctx: Ctx<'js>, id: u32, ctx_id: u32| -> Result<()> {
            let sc = context(ctx_id).ok_or_else(|| throw(&ctx, "invalid secure context"))?;
            tls::sni_done(&l, id, &sc).map_err(|e| throw(&ctx, &e))
        },
    )?;
    let l = lp.clone();
    let with_tls = move |id: u32, f: &dyn Fn(&tls::TlsIo) -> Option<String>| -> Option<String> {
        let h = l.handles.borrow();
        match h.get(id).map(|s| &s.io) {
            Some(Io::Tls(t)) => f(t),
            _ => None,
        }
    };
    let w = with_tls.clone();
    set_fn(obj, "verifyError", move |id: u32| {
        w(id, &|t| t.verify_error().map(String::from))
    })?;
    let w = with_tls.clone();
    set_fn(obj, "getProtocol", move |id: u32| {
        w(id, &|t| t.protocol().map(String::from))
    })?;
    let w = with_tls.clone();
    set_fn(obj, "getAlpn", move |id: u32| {
        w(id, &|t| {
            t.conn
                .alpn_protocol()
                .map(|p| String::from_utf8_lossy(p).into_owned())
        })
    })?;
    let w = with_tls.clone();
    set_fn(obj, "getServername", move |id: u32| {
        w(id, &|t| t.servername.clone())
    })?;
    let l = lp.clone();
    set_fn(
        obj,
        "getCipher",
        move |ctx: Ctx<'js>, id: u32| -> Result<Option<Object<'js>>> {
            let h = l.handles.borrow();
            let Some(Io::Tls(t)) = h.get(id).map(|s| &s.io) else {
                return Ok(None);
            };
            let Some((name, standard, version)) = t.cipher() else {
                return Ok(None);
            };
            let o = Object::new(ctx)?;
            o.set("name", name)?;
            o.set("standardName", standard)?;
            o.set("version", version)?;
            Ok(Some(o))
        },
    )?;
    // The peer's chain as DER Buffers, leaf first.
    let l = lp.clone();
    set_fn(
        obj,
        "getPeerChain",
        move |ctx: Ctx<'js>, id: u32| -> Result<Array<'js>> {
            let chain = {
                let h = l.handles.borrow();
                match h.get(id).map(|s| &s.io) {
                    Some(Io::Tls(t)) => t.peer_chain(),
                    _ => Vec::new(),
                }
            };
            let a = Array::new(ctx.clone())?;
            for (i, der) in chain.iter().enumerate() {
                a.set(i, new_buffer(&l, &ctx, der)?)?;
            }
            Ok(a)
        },
    )?;
    // Node's certificate object fields for one DER certificate.
    set_fn(
        obj,
        "certInfo",
        |ctx: Ctx<'js>, der: Value<'js>| -> Result<Option<Object<'js>>> {
            // SAFETY: the bytes are parsed before any JS runs.
            let Some(bytes) = (unsafe { crate::handles::bytes_of(&ctx, &der) }) else {
                return Ok(None);
            };
            let Some(info) = tls::cert_info(bytes) else {
                return Ok(None);
            };
            let o = Object::new(ctx.clone())?;
            o.set("subject", name_object(&ctx, &info.subject)?)?;
            o.set("issuer", name_object(&ctx, &info.issuer)?)?;
            if let Some(san) = info.subjectaltname {
                o.set("subjectaltname", san)?;
            }
            o.set("ca", info.ca)?;
            o.set("valid_from", info.valid_from)?;
            o.set("valid_to", info.valid_to)?;
            o.set("fingerprint", info.fingerprint)?;
            o.set("fingerprint256", info.fingerprint256)?;
            o.set("fingerprint512", info.fingerprint512)?;
            o.set("serialNumber", info.serial)?;
            o.set("selfSigned", info.self_signed)?;
            Ok(Some(o))
        },
    )?;
    let l = lp.clone();
    set_fn(
        obj,
        "rootCertificates",
        move |ctx: Ctx<'js>| -> Result<Array<'js>> {
            let a = Array::new(ctx.clone())?;
            for (i, der) in tls::system_root_ders().iter().enumerate() {
                let b64 = super::buffer::base64_encode(der, false);
                let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
                for line in b64.as_bytes().chunks(64) {
                    pem.push_str(std::str::from_utf8(line).unwrap_or(""));
                    pem.push('\n');
                }
                pem.push_str("-----END CERTIFICATE-----");
                a.set(i, pem)?;
            }
            let _ = &l;
            Ok(a)
        },
    )?;
    Ok(())
}
