//! Seed fidelity: every sentence of the two seed texts the example site was written from
//! (copied verbatim into `tests/fixtures/seeds/`) appears in the text of the built example.

mod common;

use std::fs;

use common::*;

const SEEDS: [&str; 2] = [
    "gemeente-almere-gka-pagina.txt",
    "samen-doen-voortgang-2019.txt",
];

/// Lines of the original pages that were links; on the site they are links with better text.
const LINK_LABELS: [&str; 4] = [
    "Lees verder",
    "> Lees verder",
    "Bekijk de GKA-Agenda van Almere",
    "> Lees de uitkomsten van de bijeenkomst",
];

/// `<https://…>` autolinks as the bare address.
fn unwrap_autolinks(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("<http") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&rest[start + 1..start + len]);
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// A leading age label such as `0-6 jaar: `, split off.
fn split_age_label(line: &str) -> Option<(&str, &str)> {
    let (label, rest) = line.split_once(": ")?;
    let (range, jaar) = label.split_once(' ')?;
    let (lo, hi) = range.split_once('-')?;
    let is_number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (jaar == "jaar" && is_number(lo) && is_number(hi)).then_some((label, rest))
}

/// Splits at `. `, `? ` and `! `, keeping the punctuation with its sentence.
fn sentences(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for window in chars.windows(2) {
        let ((i, c), (_, next)) = (window[0], window[1]);
        if matches!(c, '.' | '?' | '!') && next.is_whitespace() {
            found.push(text[start..i + c.len_utf8()].to_string());
            start = i + c.len_utf8();
        }
    }
    found.push(text[start..].to_string());
    found
        .into_iter()
        .map(|s| fold_ws(&s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The fragments of one seed line that must be found on the site.
fn fragments(line: &str) -> Vec<String> {
    let line = fold_ws(line);
    if line.is_empty() || LINK_LABELS.contains(&line.as_str()) {
        return Vec::new();
    }
    let line = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("• "))
        .unwrap_or(&line);
    let line = unwrap_autolinks(&line.replace('*', ""));
    let mut found = Vec::new();
    let rest = match split_age_label(&line) {
        Some((label, rest)) => {
            found.push(label.to_string());
            rest.to_string()
        }
        None => line.clone(),
    };
    // The PDF address on its own line has a space, which the site writes as %20.
    let rest = if rest.starts_with("http") && rest.contains(' ') {
        rest.replace(' ', "%20")
    } else {
        rest
    };
    found.extend(sentences(&rest));
    found
}

#[test]
fn the_helpers_cut_seed_lines_as_specified() {
    assert_eq!(
        fragments(
            "- 0-6 jaar: De campagne *De Voorschool* is gelanceerd. Het is vernieuwd. <https://voorschool.almere.nl/x>"
        ),
        [
            "0-6 jaar",
            "De campagne De Voorschool is gelanceerd.",
            "Het is vernieuwd.",
            "https://voorschool.almere.nl/x"
        ]
    );
    assert_eq!(
        fragments("  • Tegengaan kinderarmoede"),
        ["Tegengaan kinderarmoede"]
    );
    assert_eq!(
        fragments("https://lea.almere.nl/LEA/PROTOCOL_voor- naar_vroegschool_2019.pdf"),
        ["https://lea.almere.nl/LEA/PROTOCOL_voor-%20naar_vroegschool_2019.pdf"]
    );
    assert_eq!(
        fragments("Bosch: “Omdat we hier zijn. Waarom?\u{a0}Daarom! Klaar"),
        ["Bosch: “Omdat we hier zijn.", "Waarom?", "Daarom!", "Klaar"]
    );
    assert!(fragments("> Lees verder").is_empty());
    assert!(fragments("\u{a0} ").is_empty());
}

#[test]
fn every_sentence_of_the_seeds_is_on_the_example_site() {
    let built = build_example(&[]);
    let site = site_text(&built.out).to_lowercase();
    let hrefs: std::collections::BTreeSet<String> = html_files(&built.out)
        .iter()
        .flat_map(|file| {
            let doc = page(&built.out, &site_path(file));
            links_in(doc.root_element(), "a[href]")
                .into_iter()
                .map(|(_, href)| href)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(site.len() > 1000, "the site has text");
    let mut checked = 0;
    let mut missing = Vec::new();
    for seed in SEEDS {
        let path = repo_root().join("tests/fixtures/seeds").join(seed);
        let text =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        for (number, line) in text.lines().enumerate() {
            for fragment in fragments(line) {
                checked += 1;
                // A web address is a fact when the site links to it; its link text says
                // where it goes instead of repeating the address.
                if fragment.starts_with("http") {
                    if !hrefs.contains(&fragment) {
                        missing.push(format!("{seed}:{}: no link to {fragment}", number + 1));
                    }
                    continue;
                }
                if !site.contains(&fragment.to_lowercase()) {
                    missing.push(format!("{seed}:{}: {fragment}", number + 1));
                }
            }
        }
    }
    assert!(checked > 80, "only {checked} fragments checked");
    assert!(
        missing.is_empty(),
        "{} of {checked} seed sentences are not on the site:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
