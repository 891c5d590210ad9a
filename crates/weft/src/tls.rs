//! TLS on rustls, as a kind of stream handle (Node's `TLSWrap`).
//!
//! A connected TCP handle is upgraded in place: its `TcpStream` moves into a
//! [`TlsIo`] with a rustls connection. The poll phase then reads ciphertext,
//! feeds rustls, and hands plaintext to the same JS `onread(nread, buf)` as a
//! plain socket; writes go into rustls and the records out to the kernel.
//!
//! Certificate checks never abort the handshake: as in Node, the verdict is
//! recorded (`verifyError`, an OpenSSL-style code such as
//! `DEPTH_ZERO_SELF_SIGNED_CERT`) and the JS layer rejects the connection when
//! `rejectUnauthorized` asks for it. Host names are checked in JS
//! (`tls.checkServerIdentity`), as Node does.

use std::io::{self, Read, Write};
use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{
    CertificateError, DigitallySignedStruct, DistinguishedName, RootCertStore, SignatureScheme,
};

/// What a `tls.createSecureContext()` holds, parsed once.
pub(crate) struct SecureContext {
    /// Trust anchors for the peer's chain (system roots unless `ca` was given).
    pub roots: Arc<RootCertStore>,
    /// The `ca` certificates as given: a peer presenting one of them as its
    /// certificate is trusted, as OpenSSL trusts a self-signed cert in its store.
    pub ca_ders: Arc<Vec<Vec<u8>>>,
    pub chain: Vec<CertificateDer<'static>>,
    pub key: Option<PrivateKeyDer<'static>>,
    pub versions: Vec<&'static rustls::SupportedProtocolVersion>,
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The system trust store, loaded once per process.
pub(crate) fn system_roots() -> Arc<RootCertStore> {
    static ROOTS: std::sync::OnceLock<Arc<RootCertStore>> = std::sync::OnceLock::new();
    ROOTS
        .get_or_init(|| {
            let mut store = RootCertStore::empty();
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = store.add(cert);
            }
            Arc::new(store)
        })
        .clone()
}

/// The system's root certificates as DER (for `tls.rootCertificates`).
pub(crate) fn system_root_ders() -> Vec<Vec<u8>> {
    rustls_native_certs::load_native_certs()
        .certs
        .into_iter()
        .map(|c| c.to_vec())
        .collect()
}

/// Parses PEM certificates; an error names what was wrong.
pub(crate) fn parse_certs(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, String> {
    let certs: Result<Vec<_>, _> = CertificateDer::pem_slice_iter(pem).collect();
    let certs = certs.map_err(|e| format!("bad certificate PEM: {e}"))?;
    if certs.is_empty() {
        return Err("no certificate found in PEM data".into());
    }
    Ok(certs)
}

pub(crate) fn parse_key(pem: &[u8]) -> Result<PrivateKeyDer<'static>, String> {
    PrivateKeyDer::from_pem_slice(pem).map_err(|e| format!("bad private key PEM: {e}"))
}

/// Protocol versions between Node's `minVersion` and `maxVersion` names.
pub(crate) fn versions(
    min: &str,
    max: &str,
) -> Result<Vec<&'static rustls::SupportedProtocolVersion>, String> {
    let rank = |v: &str| match v {
        "TLSv1.2" => Some(2),
        "TLSv1.3" => Some(3),
        "TLSv1" | "TLSv1.1" => Some(1),
        _ => None,
    };
    let lo = rank(min).ok_or_else(|| format!("invalid minVersion {min}"))?;
    let hi = rank(max).ok_or_else(|| format!("invalid maxVersion {max}"))?;
    let mut out = Vec::new();
    if lo <= 2 && hi >= 2 {
        out.push(&rustls::version::TLS12);
    }
    if lo <= 3 && hi >= 3 {
        out.push(&rustls::version::TLS13);
    }
    if out.is_empty() {
        return Err("no supported TLS version in range (weft supports TLSv1.2 and TLSv1.3)".into());
    }
    Ok(out)
}

/// Node's code for a failed chain check (OpenSSL's X509_V_ERR names).
fn verify_code(
    err: &rustls::Error,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
) -> &'static str {
    match err {
        rustls::Error::InvalidCertificate(ce)
            if intermediates.is_empty()
                && is_self_signed(end_entity)
                && !matches!(
                    ce,
                    CertificateError::Expired
                        | CertificateError::ExpiredContext { .. }
                        | CertificateError::NotValidYet
                        | CertificateError::NotValidYetContext { .. }
                ) =>
        {
            "DEPTH_ZERO_SELF_SIGNED_CERT"
        }
        rustls::Error::InvalidCertificate(ce) => match ce {
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                "CERT_HAS_EXPIRED"
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                "CERT_NOT_YET_VALID"
            }
            CertificateError::Revoked => "CERT_REVOKED",
            CertificateError::BadSignature => "CERT_SIGNATURE_FAILURE",
            CertificateError::UnknownIssuer => {
                if intermediates.is_empty() && is_self_signed(end_entity) {
                    "DEPTH_ZERO_SELF_SIGNED_CERT"
                } else if intermediates.last().is_some_and(is_self_signed) {
                    "SELF_SIGNED_CERT_IN_CHAIN"
                } else if intermediates.is_empty() {
                    "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
                } else {
                    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"
                }
            }
            CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => {
                "INVALID_PURPOSE"
            }
            _ => "CERT_UNTRUSTED",
        },
        _ => "CERT_UNTRUSTED",
    }
}

fn is_self_signed(cert: &CertificateDer<'_>) -> bool {
    x509_parser::parse_x509_certificate(cert)
        .map(|(_, c)| c.subject().as_raw() == c.issuer().as_raw())
        .unwrap_or(false)
}

/// The part of certificate checking both sides share: trust by exact match
/// with a configured CA, else a webpki chain check; the verdict is recorded
/// as an OpenSSL-style code for `verifyError()`.
#[derive(Debug)]
struct ChainCheck {
    roots: Arc<RootCertStore>,
    ca_ders: Arc<Vec<Vec<u8>>>,
    provider: Arc<CryptoProvider>,
    verdict: Arc<Mutex<Option<&'static str>>>,
}

impl ChainCheck {
    /// Runs `webpki` (the chain check proper) unless the certificate is a
    /// configured CA itself; records and returns the verdict code.
    fn run(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        webpki: impl FnOnce() -> Result<(), rustls::Error>,
    ) -> Option<&'static str> {
        let code = if self
            .ca_ders
            .iter()
            .any(|c| c.as_slice() == end_entity.as_ref())
        {
            None
        } else if self.roots.is_empty() {
            let unknown = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
            Some(verify_code(&unknown, end_entity, intermediates))
        } else {
            match webpki() {
                Ok(()) => None,
                // The host name is checked in JS (checkServerIdentity), as in Node.
                Err(rustls::Error::InvalidCertificate(
                    CertificateError::NotValidForName
                    | CertificateError::NotValidForNameContext { .. },
                )) => None,
                Err(e) => Some(verify_code(&e, end_entity, intermediates)),
            }
        };
        if let Ok(mut v) = self.verdict.lock() {
            *v = code;
        }
        code
    }
}

/// The handshake-signature checks, identical for both verifiers.
macro_rules! signature_checks {
    () => {
        fn verify_tls12_signature(
            &self,
            m: &[u8],
            c: &CertificateDer<'_>,
            d: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            verify_tls12_signature(
                m,
                c,
                d,
                &self.check.provider.signature_verification_algorithms,
            )
        }

        fn verify_tls13_signature(
            &self,
            m: &[u8],
            c: &CertificateDer<'_>,
            d: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            verify_tls13_signature(
                m,
                c,
                d,
                &self.check.provider.signature_verification_algorithms,
            )
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.check
                .provider
                .signature_verification_algorithms
                .supported_schemes()
        }
    };
}

/// A client's check of the server chain: records the verdict, and fails the
/// handshake (with an alert, as OpenSSL) only under rejectUnauthorized.
#[derive(Debug)]
struct RecordingServerVerifier {
    check: ChainCheck,
    reject: bool,
}

impl ServerCertVerifier for RecordingServerVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let c = &self.check;
        let code = c.run(end_entity, intermediates, || {
            rustls::client::WebPkiServerVerifier::builder_with_provider(
                c.roots.clone(),
                c.provider.clone(),
            )
            .build()
            .map_err(|e| rustls::Error::General(e.to_string()))?
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
            .map(|_| ())
        });
        if code.is_some() && self.reject {
            return Err(rustls::Error::InvalidCertificate(
                CertificateError::ApplicationVerificationFailure,
            ));
        }
        Ok(ServerCertVerified::assertion())
    }

    signature_checks!();
}

/// A server's view of client certificates (`requestCert`): asks for one,
/// accepts its absence, and records the verdict for `socket.authorized`.
#[derive(Debug)]
struct RecordingClientVerifier {
    check: ChainCheck,
    hints: Vec<DistinguishedName>,
    /// requestCert with rejectUnauthorized: a client without a certificate
    /// gets certificate_required, as from OpenSSL.
    mandatory: bool,
}

impl ClientCertVerifier for RecordingClientVerifier {
    fn client_auth_mandatory(&self) -> bool {
        self.mandatory
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &self.hints
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        let c = &self.check;
        c.run(end_entity, intermediates, || {
            rustls::server::WebPkiClientVerifier::builder_with_provider(
                c.roots.clone(),
                c.provider.clone(),
            )
            .build()
            .map_err(|e| rustls::Error::General(e.to_string()))?
            .verify_client_cert(end_entity, intermediates, now)
            .map(|_| ())
        });
        Ok(ClientCertVerified::assertion())
    }

    signature_checks!();
}

/// The TLS state of one connection.
pub(crate) struct TlsIo {
    pub tcp: tokio::net::TcpStream,
    pub conn: rustls::Connection,
    /// The peer chain's verdict: None = verified (or not checked: see `checked`).
    pub verdict: Arc<Mutex<Option<&'static str>>>,
    /// Whether the peer presented a certificate that was checked.
    pub handshake_reported: bool,
    /// A write-side shutdown waits for the records to flush.
    pub shutdown_pending: bool,
    /// Set once the plaintext stream ended (close_notify or TCP EOF).
    pub eof: bool,
    /// The SNI name the client sent or the server received.
    pub servername: Option<String>,
    /// The first bytes received, while the handshake lasts.
    first_bytes: Vec<u8>,
}

/// Options for one connection, from JS.
#[derive(Clone)]
pub(crate) struct ConnOptions {
    pub servername: Option<String>,
    pub reject_unauthorized: bool,
    pub alpn: Vec<Vec<u8>>,
    pub request_cert: bool,
}

/// Starts the client side of TLS on a connected stream.
pub(crate) fn client(
    tcp: tokio::net::TcpStream,
    ctx: &SecureContext,
    opts: ConnOptions,
    host_for_name: &str,
) -> Result<TlsIo, String> {
    let provider = provider();
    let verdict = Arc::new(Mutex::new(None));
    let verifier = Arc::new(RecordingServerVerifier {
        check: ChainCheck {
            roots: ctx.roots.clone(),
            ca_ders: ctx.ca_ders.clone(),
            provider: provider.clone(),
            verdict: verdict.clone(),
        },
        reject: opts.reject_unauthorized,
    });
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&ctx.versions)
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    let mut config = match &ctx.key {
        Some(key) if !ctx.chain.is_empty() => builder
            .with_client_auth_cert(ctx.chain.clone(), key.clone_key())
            .map_err(|e| e.to_string())?,
        _ => builder.with_no_client_auth(),
    };
    config.alpn_protocols = opts.alpn;
    // Node's tls.connect sends SNI only for an explicit servername.
    config.enable_sni = opts.servername.as_deref().is_some_and(|s| !s.is_empty());
    // rustls sends no SNI for an IP address either way.
    let name_str = opts
        .servername
        .clone()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| host_for_name.to_string());
    let name = ServerName::try_from(name_str.clone())
        .map_err(|_| format!("invalid server name {name_str}"))?;
    let mut conn =
        rustls::ClientConnection::new(Arc::new(config), name).map_err(|e| e.to_string())?;
    // The JS stream applies backpressure; rustls must take every write whole.
    conn.set_buffer_limit(None);
    Ok(TlsIo {
        tcp,
        conn: rustls::Connection::Client(conn),
        verdict,
        handshake_reported: false,
        shutdown_pending: false,
        eof: false,
        servername: opts.servername,
        first_bytes: Vec::new(),
    })
}

/// Starts the server side of TLS on an accepted stream.
/// A server configuration for one connection (its verifier records into `verdict`).
fn server_config(
    ctx: &SecureContext,
    opts: &ConnOptions,
    verdict: &Arc<Mutex<Option<&'static str>>>,
) -> Result<Arc<rustls::ServerConfig>, String> {
    let provider = provider();
    let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
        .with_protocol_versions(&ctx.versions)
        .map_err(|e| e.to_string())?;
    let builder = if opts.request_cert {
        let hints = ctx.roots.subjects();
        builder.with_client_cert_verifier(Arc::new(RecordingClientVerifier {
            check: ChainCheck {
                roots: ctx.roots.clone(),
                ca_ders: ctx.ca_ders.clone(),
                provider,
                verdict: verdict.clone(),
            },
            hints,
            mandatory: opts.reject_unauthorized,
        }))
    } else {
        builder.with_no_client_auth()
    };
    let key = ctx
        .key
        .as_ref()
        .ok_or("a TLS server needs a key and cert")?;
    let mut config = builder
        .with_single_cert(ctx.chain.clone(), key.clone_key())
        .map_err(|e| e.to_string())?;
    config.alpn_protocols = opts.alpn.clone();
    Ok(Arc::new(config))
}

/// Starts the server side of TLS on an accepted stream.
pub(crate) fn server(
    tcp: tokio::net::TcpStream,
    ctx: &SecureContext,
    opts: ConnOptions,
) -> Result<TlsIo, String> {
    let verdict = Arc::new(Mutex::new(None));
    let config = server_config(ctx, &opts, &verdict)?;
    let mut conn = rustls::ServerConnection::new(config).map_err(|e| e.to_string())?;
    conn.set_buffer_limit(None);
    Ok(server_io(tcp, conn, verdict, Vec::new()))
}

fn server_io(
    tcp: tokio::net::TcpStream,
    conn: rustls::ServerConnection,
    verdict: Arc<Mutex<Option<&'static str>>>,
    first_bytes: Vec<u8>,
) -> TlsIo {
    TlsIo {
        tcp,
        conn: rustls::Connection::Server(conn),
        verdict,
        handshake_reported: false,
        shutdown_pending: false,
        eof: false,
        servername: None,
        first_bytes,
    }
}

/// Reads ciphertext; keeps the first bytes a server receives, so that an
/// HTTP request on a TLS port can be named as OpenSSL names it.
struct TryRead<'a>(&'a tokio::net::TcpStream, &'a mut Vec<u8>);
impl Read for TryRead<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.try_read(buf)?;
        if self.1.len() < 8 {
            let take = (8 - self.1.len()).min(n);
            self.1.extend_from_slice(&buf[..take]);
        }
        Ok(n)
    }
}

fn looks_like_http(first: &[u8]) -> bool {
    const METHODS: [&[u8]; 8] = [
        b"GET ",
        b"POST ",
        b"PUT ",
        b"HEAD ",
        b"DELETE ",
        b"OPTIONS ",
        b"PATCH ",
        b"CONNECT ",
    ];
    METHODS.iter().any(|m| {
        first.starts_with(m) || (first.len() < m.len() && m.starts_with(first) && first.len() >= 4)
    })
}

struct TryWrite<'a>(&'a tokio::net::TcpStream);
impl Write for TryWrite<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.try_write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What to do after one step of reading.
pub(crate) enum Pump {
    /// More ciphertext may be waiting: step again.
    Again,
    /// The socket would block: re-arm readiness.
    Arm,
    /// Nothing to read now (not reading, or ended).
    Idle,
}

/// What one step of reading produced, for the JS callbacks.
pub(crate) enum TlsEvent {
    Handshake,
    Data(Vec<u8>),
    Eof,
    /// A TLS protocol error (message, Node-style code).
    Error(String, &'static str),
    /// A socket error (negative errno).
    Errno(i32),
}

impl TlsIo {
    /// Writes pending records to the kernel. Ok(true) when all are out.
    pub(crate) fn flush(&mut self) -> io::Result<bool> {
        while self.conn.wants_write() {
            match self.conn.write_tls(&mut TryWrite(&self.tcp)) {
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(false),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(true)
    }

    /// Reads and decrypts what is available. `deliver` says whether JS wants
    /// plaintext now (else it stays buffered in rustls).
    pub(crate) fn pump(
        &mut self,
        deliver: bool,
        buf: &mut [u8],
        events: &mut Vec<TlsEvent>,
    ) -> Pump {
        let mut next = Pump::Idle;
        let handshaking = self.conn.is_handshaking();
        if (deliver || handshaking) && self.conn.wants_read() && !self.eof {
            match self
                .conn
                .read_tls(&mut TryRead(&self.tcp, &mut self.first_bytes))
            {
                // Ok(0) is the TCP EOF: after the handshake rustls's reader reports
                // it; during the handshake nothing would, so report it here.
                Ok(0) if self.conn.is_handshaking() => {
                    self.eof = true;
                    events.push(TlsEvent::Eof);
                    return Pump::Idle;
                }
                Ok(0) => {}
                Ok(_) => next = Pump::Again,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => next = Pump::Arm,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => next = Pump::Again,
                Err(e) => {
                    events.push(TlsEvent::Errno(crate::handles::errno_of(&e)));
                    return Pump::Idle;
                }
            }
            if let Err(e) = self.conn.process_new_packets() {
                let _ = self.flush();
                // A rejected certificate is reported as its verify code, as Node does.
                let is_server = matches!(self.conn, rustls::Connection::Server(_));
                match self.verify_error() {
                    Some(code) => events.push(TlsEvent::Error(String::new(), code)),
                    None if is_server && handshaking && looks_like_http(&self.first_bytes) => {
                        events.push(TlsEvent::Error(
                            "http request".into(),
                            "ERR_SSL_HTTP_REQUEST",
                        ))
                    }
                    None => events.push(TlsEvent::Error(e.to_string(), tls_error_code(&e))),
                }
                return Pump::Idle;
            }
        }
        if !self.handshake_reported && !self.conn.is_handshaking() {
            self.handshake_reported = true;
            if let rustls::Connection::Server(s) = &self.conn {
                self.servername = s.server_name().map(String::from);
            }
            events.push(TlsEvent::Handshake);
        }
        if deliver && !self.conn.is_handshaking() && !self.eof {
            loop {
                match self.conn.reader().read(buf) {
                    Ok(0) => {
                        self.eof = true;
                        events.push(TlsEvent::Eof);
                        break;
                    }
                    Ok(n) => events.push(TlsEvent::Data(buf[..n].to_vec())),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    // TCP closed without close_notify: Node reports a plain end.
                    Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                        self.eof = true;
                        events.push(TlsEvent::Eof);
                        break;
                    }
                    Err(e) => {
                        events.push(TlsEvent::Errno(crate::handles::errno_of(&e)));
                        break;
                    }
                }
                if events.len() > 64 {
                    break;
                }
            }
        }
        if let Err(e) = self.flush() {
            events.push(TlsEvent::Errno(crate::handles::errno_of(&e)));
        }
        if self.eof {
            Pump::Idle
        } else {
            next
        }
    }

    pub(crate) fn write_plain(&mut self, parts: &[&[u8]]) -> io::Result<()> {
        let mut w = self.conn.writer();
        for p in parts {
            w.write_all(p)?;
        }
        Ok(())
    }

    pub(crate) fn protocol(&self) -> Option<&'static str> {
        self.conn.protocol_version().map(|v| match v {
            rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3",
            rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2",
            _ => "unknown",
        })
    }

    /// [OpenSSL name, IANA name, version] of the negotiated cipher.
    pub(crate) fn cipher(&self) -> Option<(String, String, &'static str)> {
        let suite = self.conn.negotiated_cipher_suite()?;
        let iana = format!("{:?}", suite.suite());
        let openssl = openssl_cipher_name(&iana);
        let version = match suite.version().version {
            rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3",
            _ => "TLSv1.2",
        };
        Some((openssl, iana.replacen("TLS13_", "TLS_", 1), version))
    }

    pub(crate) fn peer_chain(&self) -> Vec<Vec<u8>> {
        self.conn
            .peer_certificates()
            .map(|c| c.iter().map(|d| d.to_vec()).collect())
            .unwrap_or_default()
    }

    pub(crate) fn verify_error(&self) -> Option<&'static str> {
        self.verdict.lock().ok().and_then(|v| *v)
    }
}

fn openssl_cipher_name(iana: &str) -> String {
    if let Some(rest) = iana.strip_prefix("TLS13_") {
        return format!("TLS_{rest}");
    }
    // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 -> ECDHE-RSA-AES128-GCM-SHA256
    let s = iana.trim_start_matches("TLS_");
    let (kx, enc) = s.split_once("_WITH_").unwrap_or(("", s));
    let enc = enc
        .replace("AES_128", "AES128")
        .replace("AES_256", "AES256")
        .replace("CHACHA20_POLY1305", "CHACHA20-POLY1305");
    let enc = enc
        .trim_end_matches("_SHA256")
        .trim_end_matches("_SHA384")
        .to_string();
    let hash = if iana.ends_with("SHA384") {
        "-SHA384"
    } else if iana.contains("CHACHA20") {
        ""
    } else {
        "-SHA256"
    };
    format!("{}-{}{}", kx.replace('_', "-"), enc.replace('_', "-"), hash)
}

/// Node-style codes for TLS protocol failures.
fn tls_error_code(e: &rustls::Error) -> &'static str {
    match e {
        rustls::Error::AlertReceived(a) => match a {
            rustls::AlertDescription::HandshakeFailure => "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE",
            rustls::AlertDescription::BadCertificate => "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
            rustls::AlertDescription::UnknownCA => "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA",
            rustls::AlertDescription::ProtocolVersion => "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION",
            rustls::AlertDescription::CertificateRequired => {
                "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED"
            }
            rustls::AlertDescription::NoApplicationProtocol => {
                "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL"
            }
            _ => "ERR_SSL_TLSV1_ALERT",
        },
        rustls::Error::PeerIncompatible(_) => "ERR_SSL_UNSUPPORTED_PROTOCOL",
        rustls::Error::NoCertificatesPresented => "ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE",
        rustls::Error::NoApplicationProtocol => "ERR_SSL_NO_APPLICATION_PROTOCOL",
        rustls::Error::InvalidMessage(_) => "ERR_SSL_WRONG_VERSION_NUMBER",
        _ => "ERR_SSL_PROTOCOL_ERROR",
    }
}

// --- certificate details (getPeerCertificate) ------------------------------

fn hex_colon(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// OpenSSL's time format: "Jan  1 00:00:00 2024 GMT".
fn openssl_time(ts: i64) -> String {
    let days = ts.div_euclid(86400);
    let secs = ts.rem_euclid(86400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {:>2} {:02}:{:02}:{:02} {} GMT",
        MONTHS[(m - 1) as usize],
        d,
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        y
    )
}

fn oid_name(oid: &str) -> String {
    match oid {
        "2.5.4.3" => "CN",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.5" => "serialNumber",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "0.9.2342.19200300.100.1.25" => "DC",
        other => other,
    }
    .to_string()
}

/// The fields Node's `getPeerCertificate()` gives, for one DER certificate.
pub(crate) struct CertInfo {
    pub subject: Vec<(String, String)>,
    pub issuer: Vec<(String, String)>,
    pub subjectaltname: Option<String>,
    pub valid_from: String,
    pub valid_to: String,
    pub serial: String,
    pub fingerprint: String,
    pub fingerprint256: String,
    pub fingerprint512: String,
    pub ca: bool,
    pub self_signed: bool,
}

pub(crate) fn cert_info(der: &[u8]) -> Option<CertInfo> {
    use x509_parser::extensions::GeneralName;
    let (_, c) = x509_parser::parse_x509_certificate(der).ok()?;
    let name = |n: &x509_parser::x509::X509Name<'_>| {
        n.iter_attributes()
            .map(|a| {
                (
                    oid_name(&a.attr_type().to_id_string()),
                    a.as_str().unwrap_or("").to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let san = c.subject_alternative_name().ok().flatten().map(|ext| {
        ext.value
            .general_names
            .iter()
            .filter_map(|g| match g {
                GeneralName::DNSName(d) => Some(format!("DNS:{d}")),
                GeneralName::RFC822Name(e) => Some(format!("email:{e}")),
                GeneralName::URI(u) => Some(format!("URI:{u}")),
                GeneralName::IPAddress(ip) => match ip.len() {
                    4 => Some(format!(
                        "IP Address:{}",
                        std::net::Ipv4Addr::new(ip[0], ip[1], ip[2], ip[3])
                    )),
                    16 => {
                        let mut a = [0u8; 16];
                        a.copy_from_slice(ip);
                        Some(
                            format!("IP Address:{}", std::net::Ipv6Addr::from(a))
                                .to_uppercase()
                                .replace("IP ADDRESS", "IP Address"),
                        )
                    }
                    _ => None,
                },
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    let digest =
        |alg: &'static ring::digest::Algorithm| hex_colon(ring::digest::digest(alg, der).as_ref());
    let serial: String = c.raw_serial().iter().map(|b| format!("{b:02X}")).collect();
    let serial = serial.trim_start_matches("00").to_string();
    Some(CertInfo {
        subject: name(c.subject()),
        issuer: name(c.issuer()),
        subjectaltname: san,
        valid_from: openssl_time(c.validity().not_before.timestamp()),
        valid_to: openssl_time(c.validity().not_after.timestamp()),
        serial: if serial.is_empty() {
            "00".into()
        } else {
            serial
        },
        fingerprint: digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY),
        fingerprint256: digest(&ring::digest::SHA256),
        fingerprint512: digest(&ring::digest::SHA512),
        ca: c.is_ca(),
        self_signed: c.subject().as_raw() == c.issuer().as_raw(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openssl_time_format() {
        assert_eq!(openssl_time(0), "Jan  1 00:00:00 1970 GMT");
        assert_eq!(openssl_time(1_700_000_000), "Nov 14 22:13:20 2023 GMT");
        assert_eq!(openssl_time(951_782_400), "Feb 29 00:00:00 2000 GMT");
    }

    #[test]
    fn cipher_names_follow_openssl() {
        assert_eq!(
            openssl_cipher_name("TLS13_AES_128_GCM_SHA256"),
            "TLS_AES_128_GCM_SHA256"
        );
        assert_eq!(
            openssl_cipher_name("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            "ECDHE-RSA-AES128-GCM-SHA256"
        );
        assert_eq!(
            openssl_cipher_name("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            "ECDHE-ECDSA-AES256-GCM-SHA384"
        );
        assert_eq!(
            openssl_cipher_name("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            "ECDHE-RSA-CHACHA20-POLY1305"
        );
    }

    #[test]
    fn version_ranges() {
        assert_eq!(versions("TLSv1.2", "TLSv1.3").map(|v| v.len()), Ok(2));
        assert_eq!(versions("TLSv1.3", "TLSv1.3").map(|v| v.len()), Ok(1));
        assert!(versions("TLSv1", "TLSv1.1").is_err());
        assert!(versions("SSLv3", "TLSv1.3").is_err());
    }
}

// --- the handle side: poll-phase reading, writing and shutdown -------------

use crate::event_loop::Loop;
use crate::handles::{call_method, js_of, new_buffer, Io, PendingWrite, READ_BUFFER};
use rquickjs::Ctx;

/// Reads, decrypts and delivers what a TLS handle has; drives the handshake.
pub(crate) fn read_ready(lp: &Loop, ctx: &Ctx<'_>, token: u64) {
    for _ in 0..32 {
        let mut events = Vec::new();
        let (js, again, rearm_write) = {
            let mut h = lp.handles.borrow_mut();
            let Some((_, slot)) = h.by_token(token) else {
                return;
            };
            let deliver = slot.reading;
            let Io::Tls(t) = &mut slot.io else { return };
            let step = READ_BUFFER.with(|b| t.pump(deliver, &mut b.borrow_mut(), &mut events));
            let rearm_write = t.conn.wants_write();
            let again = match step {
                Pump::Again => true,
                Pump::Arm => slot.io.arm_read(&slot.wakers.read()),
                Pump::Idle => false,
            };
            if rearm_write && slot.io.arm_write(&slot.wakers.write()) {
                lp.shared_push(token | 1);
            }
            (js_of(slot, ctx), again, rearm_write)
        };
        let _ = rearm_write;
        let Some(js) = js else { return };
        let mut stop = false;
        for ev in events {
            match ev {
                TlsEvent::Handshake => call_method(lp, ctx, &js, "onhandshakedone", ()),
                TlsEvent::Data(bytes) => match new_buffer(lp, ctx, &bytes) {
                    Ok(buf) => call_method(lp, ctx, &js, "onread", (bytes.len() as i32, buf)),
                    Err(e) => lp.report(ctx, e),
                },
                TlsEvent::Eof => {
                    call_method(
                        lp,
                        ctx,
                        &js,
                        "onread",
                        (crate::handles::UV_EOF, rquickjs::Undefined),
                    );
                    stop = true;
                }
                TlsEvent::Error(msg, code) => {
                    call_method(lp, ctx, &js, "ontlserror", (msg, code));
                    stop = true;
                }
                TlsEvent::Errno(e) => {
                    call_method(lp, ctx, &js, "onread", (e, rquickjs::Undefined));
                    stop = true;
                }
            }
        }
        if stop || !again {
            return;
        }
    }
    lp.shared_push(token);
}

/// Takes plaintext; returns 0 when its records reached the kernel, 1 when
/// some wait (`afterWrite` follows), or a negative errno.
pub(crate) fn write(lp: &Loop, id: u32, parts: &[&[u8]]) -> i32 {
    let mut h = lp.handles.borrow_mut();
    let Some(slot) = h.get_mut(id) else {
        return -libc::EBADF;
    };
    let Io::Tls(t) = &mut slot.io else {
        return -libc::EBADF;
    };
    if let Err(e) = t.write_plain(parts) {
        return crate::handles::errno_of(&e);
    }
    match t.flush() {
        Ok(true) if slot.writes.is_empty() => 0,
        Ok(_) => {
            let n: usize = parts.iter().map(|p| p.len()).sum();
            slot.queued_bytes += n;
            slot.writes
                .push_back(PendingWrite::owned(Vec::new(), n, None));
            if slot.io.arm_write(&slot.wakers.write()) {
                let tok = slot.token(id, true);
                drop(h);
                lp.shared_push(tok);
            }
            1
        }
        Err(e) => crate::handles::errno_of(&e),
    }
}

/// Flushes records; completes queued writes and a pending shutdown once all are out.
pub(crate) fn writable(lp: &Loop, ctx: &Ctx<'_>, token: u64) {
    let mut done = 0;
    let mut err = 0;
    let mut shutdown = None;
    let js = {
        let mut h = lp.handles.borrow_mut();
        let Some((_, slot)) = h.by_token(token) else {
            return;
        };
        let Io::Tls(t) = &mut slot.io else { return };
        match t.flush() {
            Ok(true) => {
                done = slot.writes.len();
                slot.writes.clear();
                slot.queued_bytes = 0;
                // rustls reads nothing while records wait to go out: now that
                // they went, a handshake (or a reader) may go on reading.
                if t.conn.wants_read() && (slot.reading || t.conn.is_handshaking()) {
                    let waker = slot.wakers.read();
                    let mut cx = std::task::Context::from_waker(&waker);
                    if t.tcp.poll_read_ready(&mut cx).is_ready() {
                        lp.shared_push(token & !1);
                    }
                }
                if t.shutdown_pending {
                    t.shutdown_pending = false;
                    shutdown = Some(match t.tcp_shutdown() {
                        Ok(()) => 0,
                        Err(e) => crate::handles::errno_of(&e),
                    });
                }
            }
            Ok(false) => {
                if slot.io.arm_write(&slot.wakers.write()) {
                    lp.shared_push(token);
                }
            }
            Err(e) => {
                err = crate::handles::errno_of(&e);
                done = slot.writes.len();
                slot.writes.clear();
                slot.queued_bytes = 0;
                if t.shutdown_pending {
                    t.shutdown_pending = false;
                    shutdown = Some(err);
                }
            }
        }
        js_of(slot, ctx)
    };
    let Some(js) = js else { return };
    crate::handles::report_writes(lp, ctx, &js, done, err, shutdown);
}

/// Sends close_notify, then shuts the TCP write side once the records are out.
pub(crate) fn shutdown(lp: &Loop, id: u32) -> i32 {
    let mut h = lp.handles.borrow_mut();
    let Some(slot) = h.get_mut(id) else {
        return -libc::EBADF;
    };
    let Io::Tls(t) = &mut slot.io else {
        return -libc::EBADF;
    };
    // OpenSSL sends close_notify only on an established session.
    if !t.conn.is_handshaking() {
        t.conn.send_close_notify();
    }
    // As for plain streams (handles::shutdown): the records go out and the
    // TCP write side closes in the poll phase, where onshutdown follows. A
    // peer that already went away is reported there too, not as a failure here.
    t.shutdown_pending = true;
    let tok = slot.token(id, true);
    drop(h);
    lp.shared_push(tok);
    0
}

impl TlsIo {
    fn tcp_shutdown(&self) -> io::Result<()> {
        use std::os::fd::AsRawFd;
        // SAFETY: shutting down the write side of a descriptor this handle owns.
        if unsafe { libc::shutdown(self.tcp.as_raw_fd(), libc::SHUT_WR) } == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

// --- servers that choose their certificate by SNI ------------------------------

/// A server connection before its configuration is chosen: rustls's
/// `Acceptor` reads the ClientHello, JS picks a secure context for the
/// name the client asked for (`SNICallback`, `addContext`), then
/// [`sni_done`] turns it into a [`TlsIo`].
pub(crate) struct TlsAccept {
    pub tcp: tokio::net::TcpStream,
    acceptor: rustls::server::Acceptor,
    accepted: Option<rustls::server::Accepted>,
    opts: ConnOptions,
    first_bytes: Vec<u8>,
    /// The name is with JS: reading waits.
    asked: bool,
}

pub(crate) fn server_sni(tcp: tokio::net::TcpStream, opts: ConnOptions) -> TlsAccept {
    TlsAccept {
        tcp,
        acceptor: rustls::server::Acceptor::default(),
        accepted: None,
        opts,
        first_bytes: Vec::new(),
        asked: false,
    }
}

/// Reads the ClientHello; once complete, asks JS `onsni(servername)`.
pub(crate) fn accept_ready(lp: &Loop, ctx: &Ctx<'_>, token: u64) {
    enum Next {
        Ask(Option<String>),
        Fail(String, &'static str),
        Wait,
    }
    let (next, js) = {
        let mut h = lp.handles.borrow_mut();
        let Some((_, slot)) = h.by_token(token) else {
            return;
        };
        let Io::TlsAccept(a) = &mut slot.io else {
            return;
        };
        if a.asked {
            return;
        }
        let mut next = Next::Wait;
        loop {
            match a
                .acceptor
                .read_tls(&mut TryRead(&a.tcp, &mut a.first_bytes))
            {
                Ok(0) => {
                    next = Next::Fail("socket hang up".into(), "ECONNRESET");
                    break;
                }
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) => {
                    next = Next::Fail(e.to_string(), "ECONNRESET");
                    break;
                }
            }
            match a.acceptor.accept() {
                Ok(Some(accepted)) => {
                    let name = accepted.client_hello().server_name().map(String::from);
                    a.accepted = Some(accepted);
                    a.asked = true;
                    next = Next::Ask(name);
                    break;
                }
                Ok(None) => {
                    let waker = slot.wakers.read();
                    let mut cx = std::task::Context::from_waker(&waker);
                    if a.tcp.poll_read_ready(&mut cx).is_ready() {
                        continue;
                    }
                    break;
                }
                Err((e, mut alert)) => {
                    let _ = alert.write_all(&mut TryWrite(&a.tcp));
                    let code = if looks_like_http(&a.first_bytes) {
                        "ERR_SSL_HTTP_REQUEST"
                    } else {
                        tls_error_code(&e)
                    };
                    next = Next::Fail(
                        if code == "ERR_SSL_HTTP_REQUEST" {
                            "http request".into()
                        } else {
                            e.to_string()
                        },
                        code,
                    );
                    break;
                }
            }
        }
        (next, js_of(slot, ctx))
    };
    let Some(js) = js else { return };
    match next {
        Next::Ask(name) => call_method(lp, ctx, &js, "onsni", (name,)),
        Next::Fail(msg, code) if code == "ECONNRESET" => {
            let _ = msg;
            call_method(
                lp,
                ctx,
                &js,
                "onread",
                (crate::handles::UV_EOF, rquickjs::Undefined),
            )
        }
        Next::Fail(msg, code) => call_method(lp, ctx, &js, "ontlserror", (msg, code)),
        Next::Wait => {}
    }
}

/// Continues an SNI-waiting server connection with the chosen context.
pub(crate) fn sni_done(lp: &Loop, id: u32, sc: &SecureContext) -> Result<(), String> {
    let mut h = lp.handles.borrow_mut();
    let slot = h.get_mut(id).ok_or("socket is closed")?;
    let Io::TlsAccept(a) = std::mem::replace(&mut slot.io, Io::Empty) else {
        return Err("no TLS handshake waits for a context".into());
    };
    let a = *a;
    let verdict = Arc::new(Mutex::new(None));
    let accepted = a.accepted.ok_or("no ClientHello yet")?;
    let config = server_config(sc, &a.opts, &verdict)?;
    match accepted.into_connection(config) {
        Ok(mut conn) => {
            conn.set_buffer_limit(None);
            slot.io = Io::Tls(Box::new(server_io(a.tcp, conn, verdict, a.first_bytes)));
        }
        Err((e, mut alert)) => {
            let _ = alert.write_all(&mut TryWrite(&a.tcp));
            slot.io = Io::Tcp(a.tcp);
            return Err(e.to_string());
        }
    }
    let (r, w) = (slot.token(id, false), slot.token(id, true));
    drop(h);
    lp.shared_push(r);
    lp.shared_push(w);
    Ok(())
}
