//! Theme chains with the real binary: a child theme overrides one template of gka and adds a
//! stylesheet, gka fills in the rest, the site's own `templates/` folder overrides single
//! templates; broken chains (a missing parent, a circle) are reported where they are named.

mod common;

use std::fs;

use common::*;

#[test]
fn a_child_theme_overrides_one_template_and_falls_back_to_its_parent() {
    let built = build_fixture("child-theme", &[]);

    // pagina.html comes from themes/kind/ …
    let contact = page(&built.out, "/contact/");
    assert_eq!(
        text(one(&contact, "main .van-het-kindthema")),
        "Pagina uit het thema kind."
    );
    // … while base.html (header, footer) and home.html come from gka.
    assert_eq!(contact.select(&sel("header.site-header")).count(), 1);
    let home = page(&built.out, "/");
    assert_eq!(home.select(&sel(".van-het-kindthema")).count(), 0);
    assert_eq!(text(one(&home, "main h1")), "Gemeente Voorbeeldstad");

    // Stylesheets: the parent's first, so the child's tokens win.
    let css: Vec<&str> = home
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|l| l.attr("href"))
        .collect();
    assert_eq!(css, ["/static/css/gka.css", "/static/css/kind.css"]);
    // Static files of both themes are published.
    for file in [
        "static/css/gka.css",
        "static/css/kind.css",
        "static/js/video.js",
    ] {
        assert!(built.out.join(file).is_file(), "{file}");
    }
}

#[test]
fn the_sites_own_templates_override_single_templates_of_the_chain() {
    let built = build_fixture("child-theme", &[]);
    let not_found = page(&built.out, "/404.html");
    // templates/404.html extends gka's own 404.html explicitly and replaces its content.
    assert_eq!(
        text(one(&not_found, "main .van-de-site")),
        "Eigen 404 van de site, in de opmaak van het thema."
    );
    assert!(
        !text(main_of(&not_found)).contains("Misschien is ze verhuisd"),
        "gka's own 404 text is replaced"
    );
    assert_eq!(not_found.select(&sel("footer.site-footer")).count(), 1);
}

#[test]
fn content_static_files_win_over_theme_files() {
    let root = SiteRoot::fixture("child-theme");
    fs::create_dir_all(root.file("content/static/css")).unwrap();
    fs::write(
        root.file("content/static/css/kind.css"),
        "/* van de site */\n",
    )
    .unwrap();
    let built = build_into_temp(root.path(), &[]);
    built.run.assert_success();
    assert_eq!(
        fs::read_to_string(built.out.join("static/css/kind.css")).unwrap(),
        "/* van de site */\n"
    );
}

#[test]
fn a_missing_parent_theme_is_an_error_at_its_extends_line() {
    let root = SiteRoot::fixture("child-theme");
    root.edit("themes/kind/theme.yaml", "extends: gka", "extends: gkaa");
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "themes/kind/theme.yaml:2:10: fout[GKA-E050]: het thema 'kind' bouwt voort op 'gkaa', maar dat thema is er niet"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tip: noem een map in themes/"),
        "{}",
        run.stderr
    );
}

#[test]
fn themes_that_extend_each_other_in_a_circle_are_an_error() {
    let root = SiteRoot::fixture("child-theme");
    fs::write(
        root.file("themes/gka/theme.yaml"),
        "extends: kind\ncss: [css/gka.css]\n",
    )
    .unwrap();
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "themes/gka/theme.yaml:1:10: fout[GKA-E052]: de thema's bouwen in een kring op elkaar voort: kind → gka → kind"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_theme_key_is_an_error_with_a_suggestion() {
    let root = SiteRoot::fixture("child-theme");
    root.edit("themes/kind/theme.yaml", "css:", "styles:");
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("themes/kind/theme.yaml:3:1: fout[GKA-E007]: onbekende sleutel 'styles'"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_example_uses_the_almere_theme_through_tokens_only() {
    let built = build_example(&[]);
    let home = page(&built.out, "/");
    let css: Vec<&str> = home
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|l| l.attr("href"))
        .collect();
    assert_eq!(css, ["/static/css/gka.css", "/static/css/almere.css"]);
    assert_eq!(
        one(&home, ".site-header__logo").attr("src"),
        Some("/static/img/almere-logo.svg")
    );
    // almere.css only sets custom properties on :root: no selectors for components.
    let almere =
        fs::read_to_string(repo_root().join("themes/almere/static/css/almere.css")).unwrap();
    let rules: String = almere
        .split("*/")
        .map(|chunk| chunk.split("/*").next().unwrap_or_default())
        .collect();
    let selectors: Vec<&str> = rules
        .split('}')
        .filter_map(|rule| rule.split_once('{'))
        .map(|(selector, _)| selector.trim())
        .collect();
    assert_eq!(selectors, [":root"], "{rules}");
    // Each token is one gka.css reads: a name gka.css does not know would change nothing
    // (as the accent's strong fill did when it moved to the `…-inverse-…` tokens).
    let gka = fs::read_to_string(repo_root().join("themes/gka/static/css/gka.css")).unwrap();
    for declaration in rules
        .split(['{', '}', ';'])
        .filter(|d| d.contains(':') && !d.contains(":root"))
    {
        let name = declaration.trim().split(':').next().unwrap_or_default();
        assert!(name.starts_with("--"), "not a token: {declaration}");
        assert!(
            gka.contains(&format!("var({name},")),
            "gka.css does not read {name}"
        );
    }
}

/// docs/thema.md promises to list every design token gka.css reads.
#[test]
fn docs_list_every_token_the_gka_theme_reads() {
    let source = fs::read_to_string(repo_root().join("themes/gka/static/css/gka.css")).unwrap();
    // Comments show the pattern with a made-up name (`var(--token, default)`).
    let css: String = source
        .split("*/")
        .map(|chunk| chunk.split("/*").next().unwrap_or_default())
        .collect();
    let docs = fs::read_to_string(repo_root().join("docs/thema.md")).unwrap();
    let mut missing = Vec::new();
    for (at, _) in css.match_indices("var(--") {
        let name: String = css[at + 4..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if !name.starts_with("--gka-") && !docs.contains(&format!("`{name}`")) {
            missing.push(name);
        }
    }
    missing.dedup();
    assert!(
        missing.is_empty(),
        "tokens not in docs/thema.md: {missing:?}"
    );
}

/// A theme of its own (not extending gka) made before search existed has no `zoeken.html`:
/// the build says which template is missing, where it goes and how to do without.
#[test]
fn a_theme_without_a_template_for_a_page_kind_names_it_with_the_way_out() {
    let root = SiteRoot::minimal();
    std::fs::remove_file(root.file("themes/gka/templates/zoeken.html")).unwrap();
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "themes/gka/templates: fout[GKA-E051]: het thema heeft geen sjabloon 'zoeken.html'"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "extends: gka` in zijn theme.yaml, of maak de site zonder zoekpagina: --no-search"
        ),
        "{}",
        run.stderr
    );
    build_into_temp(root.path(), &["--no-search"])
        .run
        .assert_success();
}

/// A site's own template that breaks a template of the theme gka carries (here: a component
/// without the argument gka's templates pass) is reported at gka's template, named where a
/// copy of the theme would have it, never at the temporary folder gka reads it from.
#[test]
fn an_error_in_the_embedded_theme_names_its_template_as_themes_gka() {
    let root = SiteRoot::minimal();
    std::fs::remove_dir_all(root.file("themes/gka")).unwrap();
    root.write(
        "templates/partials/components.html",
        "{% component card(item) %}<p>{{ item.titel }}</p>{% endcomponent card %}\n",
    );
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    assert!(
        run.stderr.lines().any(|line| {
            line.starts_with("themes/gka/templates/home.html:")
                && line.contains("fout[GKA-E051]: dit sjabloon gaat mis bij het maken van een")
                && line.contains("Unknown argument(s) `kop`")
        }),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tip: dit sjabloon zit in gka zelf, niet in uw map themes/"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("gka-thema-"), "{}", run.stderr);
}
