//! The command line: help texts, short flags, completions, usage errors and `--base-url`.

mod common;

use std::fs;

use common::*;

const FLAGS: [&str; 4] = ["--root", "--output", "--base-url", "--drafts"];

#[test]
fn build_help_exits_0_and_names_every_flag() {
    let run = gka(["build", "--help"]);
    run.assert_success();
    for flag in FLAGS {
        assert!(run.stdout.contains(flag), "{flag} in:\n{}", run.stdout);
    }
}

#[test]
fn top_level_help_exits_0_and_names_every_flag() {
    let run = gka(["--help"]);
    run.assert_success();
    assert!(run.stdout.contains("build"), "{}", run.stdout);
    for flag in FLAGS {
        assert!(run.stdout.contains(flag), "{flag} in:\n{}", run.stdout);
    }
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    for args in [
        vec!["build", "--no-such-flag"],
        vec!["no-such-command"],
        vec!["build", "--output"],
    ] {
        let run = gka(&args);
        assert_eq!(run.code, Some(2), "{args:?}\n{}", run.stderr);
    }
    let run = gka([
        "build".as_ref(),
        "--root".as_ref(),
        repo_root().join("bestaat-niet").as_os_str(),
        "--output".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run.code, Some(2), "a missing --root folder\n{}", run.stderr);
    assert!(!out.exists());
}

#[test]
fn an_invalid_base_url_is_an_error_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let run = build(&repo_root(), &out, &["--base-url", "gka.example.org"]);
    assert!(
        matches!(run.code, Some(1) | Some(2)),
        "refused: {:?}\n{}",
        run.code,
        run.stderr
    );
    assert!(run.stderr.contains("gka.example.org"), "{}", run.stderr);
    assert!(!out.exists());
}

const BASE: &str = "https://example.org/gka/";

#[test]
fn base_url_prefixes_every_internal_link_and_makes_canonicals_absolute() {
    let built = build_example(&["--base-url", BASE]);
    let mut problems = Vec::new();
    for file in html_files(&built.out) {
        let doc = page(&built.out, &site_path(&file));
        for element in doc.select(&sel("[href], [src]")) {
            for attr in ["href", "src"] {
                let Some(value) = element.attr(attr) else {
                    continue;
                };
                if value.starts_with('#') || is_external(value, BASE) {
                    continue;
                }
                if !value.starts_with("/gka/") && !value.starts_with(BASE) {
                    problems.push(format!("{file}: {attr}=\"{value}\""));
                }
            }
        }
        let canonical: Vec<&str> = doc
            .select(&sel("link[rel=\"canonical\"]"))
            .filter_map(|l| l.attr("href"))
            .collect();
        let expected = format!("https://example.org/gka{}", site_path(&file));
        if file != "404.html" && canonical != [expected.as_str()] {
            problems.push(format!(
                "{file}: canonical {canonical:?}, expected {expected}"
            ));
        }
        if file == "404.html" && !canonical.iter().all(|c| c.starts_with(BASE)) {
            problems.push(format!("{file}: canonical {canonical:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let broken = broken_links(&built.out, BASE);
    assert!(broken.is_empty(), "{}", broken.join("\n"));

    let xml = fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    let locs = sitemap_locs(&xml);
    assert!(!locs.is_empty());
    assert!(locs.iter().all(|l| l.starts_with(BASE)), "{locs:#?}");
    let robots = fs::read_to_string(built.out.join("robots.txt")).unwrap();
    assert!(
        robots.contains("Sitemap: https://example.org/gka/sitemap.xml"),
        "{robots}"
    );
    let home = page(&built.out, "/");
    let menu = links_in(one(&home, "nav[aria-label=\"Hoofdmenu\"]"), "a");
    assert!(
        menu.contains(&("Agenda".to_string(), "/gka/agenda/".to_string())),
        "{menu:?}"
    );
}

#[test]
fn base_url_without_trailing_slash_is_the_same_site() {
    let with = build_example(&["--base-url", BASE]);
    let without = build_example(&["--base-url", "https://example.org/gka"]);
    let a = snapshot(&with.out);
    let b = snapshot(&without.out);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (file, bytes) in &a {
        assert!(b[file] == *bytes, "{file} differs");
    }
}

#[test]
fn build_in_the_site_folder_writes_public_there() {
    let site = SiteRoot::minimal();
    let run = gka_in(site.path(), ["build", "--no-search"]);
    run.assert_success();
    assert!(site.file("public/index.html").is_file());
    assert!(
        run.stderr.contains(" gemaakt in public in "),
        "{}",
        run.stderr
    );
}

#[test]
fn relative_roots_and_outputs_are_read_from_the_current_folder() {
    let site = SiteRoot::example_in("site");
    let parent = site.parent();

    let run = gka_in(parent, ["build", "--root", "./site/", "--no-search"]);
    run.assert_success();
    assert!(site.file("public/index.html").is_file());
    assert!(
        run.stderr.contains(" gemaakt in site/public in "),
        "{}",
        run.stderr
    );

    let run = gka_in(
        site.path(),
        ["build", "--root", ".", "--output", "../uit", "--no-search"],
    );
    run.assert_success();
    assert!(parent.join("uit/index.html").is_file());

    // Problems are shown relative to the site's folder, however it was named.
    site.edit("content/contact.md", "titel: Contact", "titel: [Contact");
    for root in ["site", "./site/"] {
        let run = gka_in(parent, ["check", "--root", root]);
        run.assert_code(1);
        assert!(
            run.stderr.starts_with("content/contact.md:2:8: "),
            "{}",
            run.stderr
        );
    }
}

/// The short flags of other site generators (Zola's `-r`, `-o`, `-u`, `-p`, `-O`) mean the
/// same here: a build with them equals one with the long flags.
#[test]
fn short_flags_are_the_long_ones() {
    let site = SiteRoot::example_in("site");
    let parent = site.parent();
    let long = gka_in(
        parent,
        [
            "build",
            "--root",
            "site",
            "--output",
            "lang",
            "--base-url",
            "https://gka.voorbeeldstad.example/gka/",
            "--no-search",
        ],
    );
    long.assert_success();
    let short = gka_in(
        parent,
        [
            "build",
            "-r",
            "site",
            "-o",
            "kort",
            "-u",
            "https://gka.voorbeeldstad.example/gka/",
            "--no-search",
        ],
    );
    short.assert_success();
    assert_eq!(
        site_files(&parent.join("lang")),
        site_files(&parent.join("kort"))
    );
    let check = gka_in(parent, ["check", "-r", "site", "-u", "https://x.example/"]);
    check.assert_success();
    let serve = gka(["serve", "--help"]);
    for flag in ["-r, --root", "-p, --port", "-O, --open"] {
        assert!(serve.stdout.contains(flag), "{flag} in:\n{}", serve.stdout);
    }
}

/// `gka completions <shell>` prints a script that names every command and flag, with the
/// descriptions in the language gka speaks; an unknown shell is a usage error.
#[test]
fn completions_name_every_command_in_the_language_gka_speaks() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = gka(["completions", shell]);
        run.assert_success();
        for word in [
            "build", "check", "serve", "new", "schema", "uitleg", "base-url", "todos",
        ] {
            assert!(run.stdout.contains(word), "{shell}: {word}");
        }
    }
    let zsh = gka(["completions", "zsh"]);
    assert!(zsh.stdout.contains("De map van de site"), "{}", zsh.stdout);
    let english = gka(["completions", "zsh", "--lang", "en"]);
    assert!(
        english.stdout.contains("holding content/ and themes/"),
        "{}",
        english.stdout
    );
    let unknown = gka(["completions", "tcsh"]);
    assert_eq!(unknown.code, Some(2), "{}", unknown.stderr);
    assert!(
        unknown.stderr.contains("kies uit: bash"),
        "{}",
        unknown.stderr
    );
}
