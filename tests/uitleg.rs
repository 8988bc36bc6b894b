//! `gka uitleg`: every code gka can report is explained by the binary itself, in both
//! languages, and every report for people points there once.

mod common;

use common::*;
use gka::diagnostics::Code;

/// Every code of `src/diagnostics/codes.rs` has its explanation in the binary: `gka uitleg`
/// prints its section of `docs/errors.md` (or `docs/errors.en.md` in English), and the list
/// without a code names it with its title.
#[test]
fn every_code_is_explained_by_the_binary_in_both_languages() {
    for (lang, doc) in [("nl", "docs/errors.md"), ("en", "docs/errors.en.md")] {
        let doc = std::fs::read_to_string(repo_root().join(doc)).unwrap();
        let list = gka(["uitleg", "--lang", lang]);
        list.assert_success();
        for code in Code::ALL {
            let run = gka(["uitleg", code.as_str(), "--lang", lang]);
            run.assert_success();
            let text = run.stdout.trim_end();
            assert!(
                text.starts_with(&format!("## {code}\n\n**")),
                "{code} ({lang}):\n{text}"
            );
            assert!(
                doc.contains(&format!("{text}\n")),
                "{code} ({lang}) is not its section of the documentation:\n{text}"
            );
            let title = text.lines().nth(2).unwrap().trim_matches('*');
            assert!(
                list.stdout.contains(&format!("  {code}  {title}\n")),
                "{code} ({lang}) not listed with its title:\n{}",
                list.stdout
            );
        }
    }
}

#[test]
fn short_forms_of_a_code_give_the_same_explanation() {
    let full = gka(["uitleg", "GKA-E007"]);
    full.assert_success();
    for short in ["E007", "e7", "gka-e007"] {
        let run = gka(["uitleg", short]);
        run.assert_success();
        assert_eq!(run.stdout, full.stdout, "{short}");
    }
    assert!(full.stdout.contains("fout[GKA-E007]"), "{}", full.stdout);
}

#[test]
fn an_unknown_code_is_a_usage_error_that_shows_how_codes_look() {
    let run = gka(["uitleg", "E999"]);
    run.assert_code(2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with(
            "fout: gka heeft geen code GKA-E999\n  tip: een code ziet eruit als GKA-E007"
        ),
        "{}",
        run.stderr
    );
    let bare = gka(["uitleg", "7"]);
    bare.assert_code(2);
    assert!(
        bare.stderr.contains("bedoelt u GKA-E007 of GKA-W007?"),
        "{}",
        bare.stderr
    );
    let english = gka(["uitleg", "oops", "--lang", "en"]);
    english.assert_code(2);
    assert!(
        english
            .stderr
            .starts_with("error: 'oops' is not a gka code\n  help: a code looks like"),
        "{}",
        english.stderr
    );
}

/// The guides a site's editors need come with the binary, in this very version: the hints of
/// template errors name `gka uitleg sjablonen`, the tokens file of a new site `gka uitleg
/// thema`, the explanation of unknown keys `gka uitleg inhoud`; the English words work too.
#[test]
fn the_guides_are_in_the_binary() {
    for (words, doc) in [
        (["sjablonen", "templates"], "docs/templates.md"),
        (["thema", "theme"], "docs/thema.md"),
        (["inhoud", "content"], "docs/content.md"),
        (
            ["landelijk", "national"],
            "docs/landelijk-voor-gemeenten.md",
        ),
    ] {
        let guide = std::fs::read_to_string(repo_root().join(doc)).unwrap();
        for word in words {
            let run = gka(["uitleg", word]);
            run.assert_success();
            assert_eq!(run.stdout.trim_end(), guide.trim_end(), "{word}");
        }
    }
    // The list of codes ends with the guides.
    let list = gka(["uitleg"]);
    for word in [
        "gka uitleg inhoud",
        "gka uitleg thema",
        "gka uitleg sjablonen",
        "gka uitleg landelijk",
    ] {
        assert!(list.stdout.contains(word), "{word}:\n{}", list.stdout);
    }
}

/// A report names each of its codes once, at its end, with the command that explains them;
/// the machine formats do not (their records carry the code).
#[test]
fn a_report_ends_with_the_command_that_explains_its_codes() {
    let root = SiteRoot::minimal();
    root.edit(
        "content/index.md",
        "---\n",
        "---\nsamenvating: x\nonbekend: y\n",
    );
    let run = gka(["check", "--root", root.path().to_str().unwrap()]);
    run.assert_code(1);
    assert_eq!(
        run.stderr.matches("gka uitleg").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("\nMeer uitleg: gka uitleg GKA-E007\nNiet gelukt: "),
        "{}",
        run.stderr
    );
    let json = gka([
        "check",
        "--format",
        "json",
        "--root",
        root.path().to_str().unwrap(),
    ]);
    assert!(!json.stderr.contains("gka uitleg"), "{}", json.stderr);
    assert!(!json.stdout.contains("gka uitleg"), "{}", json.stdout);
}
