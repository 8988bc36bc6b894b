//! Security headers that fit static hosting: a Content-Security-Policy and a referrer policy
//! as `<meta>` elements (a static site cannot rely on setting HTTP headers), and the security
//! contact file `/.well-known/security.txt` (RFC 9116).

use crate::routes::SECURITY_TXT;
use crate::site::{Config, SecurityContact};

/// The page's Content-Security-Policy: everything from the site's own origin only, plus, on a
/// page with a video, frames from that video's player origin (loaded only after a click).
///
/// Directives a `<meta>` cannot carry (`frame-ancestors`, `report-uri`, `sandbox`) are left
/// out: browsers ignore them there. Inline `style` attributes are allowed because
/// pulldown-cmark aligns table columns with them; inline `<style>` and all inline scripts are
/// not.
pub fn content_security_policy(frame_origin: Option<&str>) -> String {
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; \
         img-src 'self'; font-src 'self'; media-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-src {}",
        frame_origin.unwrap_or("'none'")
    )
}

/// The policy of the search page `/zoeken/`: the default policy, plus `'wasm-unsafe-eval'` in
/// `script-src`, which Pagefind needs to compile its WebAssembly search module (it allows
/// compiling WebAssembly only, not `eval` of JavaScript). Its web worker and the index files
/// load from the own origin, which `default-src` and `connect-src 'self'` already allow.
pub fn search_policy() -> String {
    content_security_policy(None).replace(
        "script-src 'self';",
        "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self';",
    )
}

/// The referrer policy: other sites never learn which page a visitor came from.
pub const REFERRER_POLICY: &str = "same-origin";

/// The text of `/.well-known/security.txt` (RFC 9116).
pub fn security_txt(config: &Config, contact: &SecurityContact) -> String {
    let mut text = String::new();
    // A title may run over lines; each line after the first would be read as a field.
    let titel: Vec<&str> = config.titel.split_whitespace().collect();
    text.push_str(&format!(
        "# Security contact of {}. See RFC 9116.\n",
        titel.join(" ")
    ));
    for address in &contact.contact {
        text.push_str(&format!("Contact: {address}\n"));
    }
    // Valid through the whole last day (in UTC).
    text.push_str(&format!(
        "Expires: {}T23:59:59.000Z\n",
        contact.verloopt.iso()
    ));
    text.push_str(&format!(
        "Preferred-Languages: {}\n",
        languages(&config.taal)
    ));
    text.push_str(&format!("Canonical: {}\n", config.absolute(SECURITY_TXT)));
    if let Some(policy) = &contact.beleid {
        text.push_str(&format!("Policy: {policy}\n"));
    }
    text
}

/// The site's language, and English, which security researchers are most likely to write.
fn languages(taal: &str) -> String {
    if taal.eq_ignore_ascii_case("en") {
        "en".into()
    } else {
        format!("{taal}, en")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_only_the_own_origin_and_the_video_player() {
        let plain = content_security_policy(None);
        assert!(plain.starts_with("default-src 'self';"), "{plain}");
        assert!(plain.ends_with("frame-src 'none'"), "{plain}");
        assert!(
            !plain.contains("unsafe-eval") && !plain.contains("script-src 'self' 'unsafe-inline'")
        );
        let search = search_policy();
        assert!(
            search.contains("script-src 'self' 'wasm-unsafe-eval'; worker-src 'self';"),
            "{search}"
        );
        assert!(!search.contains("'unsafe-eval'"));
        let video = content_security_policy(Some("https://www.youtube-nocookie.com"));
        assert!(
            video.ends_with("frame-src https://www.youtube-nocookie.com"),
            "{video}"
        );
    }
}
