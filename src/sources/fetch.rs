//! One conditional HTTPS request per source, with a deadline and a size limit; failures in
//! plain words.

use std::time::Duration;

use ureq::Agent;

use super::Origin;

/// How long a source may take and how large it may be.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The whole request, from connecting to the last byte.
    pub timeout: Duration,
    /// The largest `gka.json` accepted. The largest gemeente's is a few megabytes.
    pub max_bytes: u64,
}

// A minute: a gemeente's server may be slow, but a national fetch of hundreds of them must
// end. 50 MB: the open data of a gemeente with a thousand documents is a few megabytes, so
// this is room for growth, not for a file that is something else.
impl Default for Limits {
    fn default() -> Limits {
        Limits {
            timeout: Duration::from_secs(60),
            max_bytes: 50 * 1024 * 1024,
        }
    }
}

/// The most a connection may take to open; a server that does not answer within this is
/// down, whatever the whole request may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The client every source is fetched with: redirects followed (a gemeente that moves its site
/// keeps working), HTTP errors handled here rather than as failures of the call.
pub fn agent(limits: &Limits) -> Agent {
    Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .timeout_connect(Some(CONNECT_TIMEOUT.min(limits.timeout)))
        .http_status_as_error(false)
        .user_agent(concat!("gka/", env!("CARGO_PKG_VERSION"), " (bronnen)"))
        .build()
        .into()
}

/// A new version of a source.
#[derive(Debug)]
pub struct Fetched {
    /// The file, at most [`Limits::max_bytes`] long.
    pub body: Vec<u8>,
    /// The server's `ETag`.
    pub etag: Option<String>,
    /// The server's `Last-Modified`.
    pub last_modified: Option<String>,
}

/// Fetches `url`, asking only for a version newer than `last` when there is one: `None` when
/// the server says nothing changed, the reason in plain words when it fails.
pub fn get(
    agent: &Agent,
    url: &url::Url,
    last: Option<&Origin>,
    limits: &Limits,
) -> Result<Option<Fetched>, String> {
    let mut request = agent.get(url.as_str()).header("Accept", "application/json");
    if let Some(last) = last {
        if let Some(etag) = &last.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &last.gewijzigd {
            request = request.header("If-Modified-Since", date);
        }
    }
    let mut response = request.call().map_err(|err| reason(&err, limits))?;
    let status = response.status().as_u16();
    if status == 304 {
        return Ok(None);
    }
    if !(200..300).contains(&status) {
        return Err(t!("bron-http-status", status = u64::from(status)));
    }
    let header = |name: &str| {
        (response.headers().get(name))
            .and_then(|value| value.to_str().ok())
            .map(str::to_string)
    };
    let (etag, last_modified) = (header("etag"), header("last-modified"));
    // A declared length over the limit is refused before anything is read.
    if let Some(length) = header("content-length").and_then(|l| l.parse::<u64>().ok())
        && length > limits.max_bytes
    {
        return Err(too_large(limits));
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(|err| reason(&err, limits))?;
    Ok(Some(Fetched {
        body,
        etag,
        last_modified,
    }))
}

fn too_large(limits: &Limits) -> String {
    t!(
        "bron-te-groot",
        size = crate::markdown::links::dutch_size(limits.max_bytes)
    )
}

/// Why a request failed, in the words of someone who runs a site rather than a network.
fn reason(err: &ureq::Error, limits: &Limits) -> String {
    use std::io::ErrorKind;
    match err {
        ureq::Error::Timeout(_) => t!("bron-te-traag", seconds = limits.timeout.as_secs()),
        ureq::Error::BodyExceedsLimit(_) => too_large(limits),
        ureq::Error::HostNotFound => t!("bron-onbekende-server"),
        ureq::Error::ConnectionFailed => t!("bron-geen-verbinding"),
        ureq::Error::Io(io) if io.kind() == ErrorKind::ConnectionRefused => {
            t!("bron-geen-verbinding")
        }
        ureq::Error::Io(io) if io.kind() == ErrorKind::TimedOut => {
            t!("bron-te-traag", seconds = limits.timeout.as_secs())
        }
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) => t!("bron-tls"),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => t!("bron-omleiding"),
        other => t!("bron-overig", reason = other.to_string()),
    }
}
