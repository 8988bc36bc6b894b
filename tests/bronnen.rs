//! `gka bronnen`, the way the editors of a national site run it: in the site's folder, with
//! the gemeenten's open data served over HTTP (by a server on this computer's loopback in the
//! test). Valid sources are fetched and committed as copies; the next run asks only for changes;
//! a source that is unreachable, slow, too large, invalid or of another format version is a
//! warning naming the gemeente, and its last good copy stays; mistakes in the list itself are
//! errors at their line. `gka check` reports sources not fetched yet and copies changed by hand.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{BIN, Run, SiteRoot};

/// What the test server answers for one path.
#[derive(Clone)]
enum Answer {
    /// This body with this `ETag`; `304 Not Modified` when the request already has it.
    Json { body: Vec<u8>, etag: String },
    /// Nothing for a while, then an empty object: a server that hangs.
    Slow(Duration),
    /// This many bytes of JSON-looking text, without announcing its length.
    Endless(usize),
    /// An HTTP error.
    Status(u16),
}

/// A small HTTP/1.1 server on the loopback, answering each path with its [`Answer`], which a
/// test may change between runs. It records the `If-None-Match` headers it receives.
struct Server {
    port: u16,
    answers: Arc<Mutex<HashMap<String, Answer>>>,
    conditional: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let answers: Arc<Mutex<HashMap<String, Answer>>> = Arc::default();
        let conditional: Arc<Mutex<Vec<String>>> = Arc::default();
        let (a, c) = (answers.clone(), conditional.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (a, c) = (a.clone(), c.clone());
                std::thread::spawn(move || answer(stream, &a, &c));
            }
        });
        Server {
            port,
            answers,
            conditional,
        }
    }

    fn set(&self, path: &str, answer: Answer) {
        self.answers.lock().unwrap().insert(path.into(), answer);
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

fn answer(
    mut stream: TcpStream,
    answers: &Mutex<HashMap<String, Answer>>,
    conditional: &Mutex<Vec<String>>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line.split(' ').nth(1).unwrap_or("/").to_string();
    let mut if_none_match = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(value.trim().to_string());
        }
    }
    if let Some(tag) = &if_none_match {
        conditional.lock().unwrap().push(format!("{path} {tag}"));
    }
    let found = answers.lock().unwrap().get(&path).cloned();
    let _ = match found {
        Some(Answer::Json { etag, .. }) if if_none_match.as_deref() == Some(&etag) => write!(
            stream,
            "HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nConnection: close\r\n\r\n"
        ),
        Some(Answer::Json { body, etag }) => write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nETag: {etag}\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .and_then(|_| stream.write_all(&body)),
        Some(Answer::Slow(wait)) => {
            std::thread::sleep(wait);
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
            )
        }
        Some(Answer::Endless(bytes)) => {
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            let mut result = write!(stream, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n[");
            while result.is_ok() && sent < bytes {
                result = stream.write_all(&chunk);
                sent += chunk.len();
            }
            result
        }
        Some(Answer::Status(code)) => write!(
            stream,
            "HTTP/1.1 {code} Fout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
        None => write!(
            stream,
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    };
    // Drain what the client still sends, so it sees the answer rather than a reset.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = reader.read_to_end(&mut Vec::new());
}

/// A real `gka.json`: the open data of a small gka site, as its build publishes it.
fn open_data() -> Vec<u8> {
    let site = SiteRoot::minimal();
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    std::fs::read(built.out.join("data/gka.json")).unwrap()
}

/// `data` with the site's title changed: the same gemeente's data after an edit.
fn edited(data: &[u8], title: &str) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_slice(data).unwrap();
    value["site"]["titel"] = title.into();
    serde_json::to_vec(&value).unwrap()
}

/// A national site: a minimal site whose `site.yaml` lists `sources` as (gemeente, line).
fn national(sources: &[(&str, String)]) -> SiteRoot {
    let site = SiteRoot::minimal();
    let mut yaml = std::fs::read_to_string(site.file("content/site.yaml")).unwrap();
    yaml.push_str("bronnen:\n");
    for (name, place) in sources {
        yaml.push_str(&format!("  - gemeente: {name}\n    {place}\n"));
    }
    site.write("content/site.yaml", yaml);
    site
}

/// Runs `gka bronnen` in the site's folder, as an editor types it.
fn bronnen(site: &SiteRoot, extra: &[&str]) -> Run {
    let output = Command::new(BIN)
        .arg("bronnen")
        .args(extra)
        .current_dir(site.path())
        .env_remove("GKA_LANG")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn copy_of(site: &SiteRoot, slug: &str) -> Option<Vec<u8>> {
    std::fs::read(site.path().join("bronnen").join(slug).join("gka.json")).ok()
}

/// The report's line for `gemeente`.
fn line_of<'a>(run: &'a Run, gemeente: &str) -> &'a str {
    run.stderr
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{gemeente} ")))
        .unwrap_or_else(|| panic!("no line for {gemeente}:\n{}", run.stderr))
}

#[test]
fn a_valid_source_is_fetched_once_and_then_only_its_changes() {
    let server = Server::start();
    let data = open_data();
    server.set(
        "/almere/data/gka.json",
        Answer::Json {
            body: data.clone(),
            etag: "\"v1\"".into(),
        },
    );
    let site = national(&[(
        "Almere",
        format!("adres: {}", server.url("/almere/data/gka.json")),
    )]);

    let first = bronnen(&site, &[]);
    first.assert_success();
    assert!(
        line_of(&first, "Almere").contains("nieuw"),
        "{}",
        first.stderr
    );
    assert_eq!(copy_of(&site, "almere").unwrap(), data);
    let origin: serde_json::Value = serde_json::from_slice(
        &std::fs::read(site.path().join("bronnen/almere/herkomst.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(origin["etag"], "\"v1\"");
    assert_eq!(origin["adres"], server.url("/almere/data/gka.json"));

    // Nothing changed: the server is asked with the validator and says so.
    let second = bronnen(&site, &[]);
    second.assert_success();
    assert!(line_of(&second, "Almere").contains("niet veranderd"));
    assert_eq!(
        server.conditional.lock().unwrap().as_slice(),
        ["/almere/data/gka.json \"v1\""]
    );

    // The gemeente published an edit.
    let newer = edited(&data, "GKA Almere, bijgewerkt");
    server.set(
        "/almere/data/gka.json",
        Answer::Json {
            body: newer.clone(),
            etag: "\"v2\"".into(),
        },
    );
    let third = bronnen(&site, &[]);
    third.assert_success();
    assert!(
        line_of(&third, "Almere").contains("veranderd ("),
        "{}",
        third.stderr
    );
    assert_eq!(copy_of(&site, "almere").unwrap(), newer);
    // The copy is what gka check accepts.
    let checked = common::gka_in(site.path(), ["check", "--no-search"]);
    checked.assert_success();
    // No warning about the source (its themes, without a mapping, are another matter).
    for code in ["GKA-W060", "GKA-W061", "GKA-W062", "GKA-W063"] {
        assert!(!checked.stderr.contains(code), "{}", checked.stderr);
    }
}

#[test]
fn a_source_that_breaks_keeps_its_last_good_copy() {
    let server = Server::start();
    let data = open_data();
    let path = "/zwolle/data/gka.json";
    server.set(
        path,
        Answer::Json {
            body: data.clone(),
            etag: "\"1\"".into(),
        },
    );
    let site = national(&[("Zwolle", format!("adres: {}", server.url(path)))]);
    bronnen(&site, &[]).assert_success();

    let mut broken: serde_json::Value = serde_json::from_slice(&data).unwrap();
    broken.as_object_mut().unwrap().remove("interventies");
    for (answer, words) in [
        (
            Answer::Json {
                body: serde_json::to_vec(&broken).unwrap(),
                etag: "\"2\"".into(),
            },
            "'interventies' ontbreekt",
        ),
        (
            Answer::Json {
                body: b"<html>Onderhoud</html>".to_vec(),
                etag: "\"3\"".into(),
            },
            "geen JSON",
        ),
        (Answer::Status(500), "foutcode 500"),
    ] {
        server.set(path, answer);
        let run = bronnen(&site, &[]);
        run.assert_success();
        assert!(
            run.stderr.contains("de open data van Zwolle") && run.stderr.contains(words),
            "the warning names the gemeente and says {words}:\n{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("de landelijke site gebruikt de kopie van"),
            "{}",
            run.stderr
        );
        assert!(line_of(&run, "Zwolle").contains("de kopie van"));
        assert_eq!(copy_of(&site, "zwolle").unwrap(), data, "the copy stays");
        // --strict makes a pipeline fail on it.
        bronnen(&site, &["--strict"]).assert_code(1);
    }
}

#[test]
fn unreachable_slow_and_oversized_sources_are_warnings_naming_the_gemeente() {
    let server = Server::start();
    server.set(
        "/goed.json",
        Answer::Json {
            body: open_data(),
            etag: "\"a\"".into(),
        },
    );
    server.set("/traag.json", Answer::Slow(Duration::from_secs(5)));
    server.set("/groot.json", Answer::Endless(60 * 1024 * 1024));
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let site = national(&[
        ("Goedstad", format!("adres: {}", server.url("/goed.json"))),
        ("Traagdam", format!("adres: {}", server.url("/traag.json"))),
        ("Grootwijk", format!("adres: {}", server.url("/groot.json"))),
        (
            "Onbereikbaar",
            format!("adres: http://127.0.0.1:{closed}/gka.json"),
        ),
        (
            "Nergenshuizen",
            format!("adres: {}", server.url("/weg.json")),
        ),
    ]);
    let run = bronnen(&site, &["--timeout", "2"]);
    run.assert_success();
    assert!(
        line_of(&run, "Goedstad").contains("nieuw"),
        "{}",
        run.stderr
    );
    for (gemeente, reason) in [
        ("Traagdam", "niet binnen 2 seconden"),
        ("Grootwijk", "groter dan 52 MB"),
        ("Onbereikbaar", "niet bereikbaar"),
        ("Nergenshuizen", "foutcode 404"),
    ] {
        let warning = run
            .stderr
            .lines()
            .find(|l| l.contains(&format!("de open data van {gemeente} ")))
            .unwrap_or_else(|| panic!("no warning for {gemeente}:\n{}", run.stderr));
        assert!(warning.contains("[GKA-W060]"), "{warning}");
        assert!(warning.contains(reason), "{warning}");
        assert!(line_of(&run, gemeente).contains("er is nog geen kopie"));
        assert!(copy_of(&site, &gemeente.to_lowercase()).is_none());
    }
    assert!(
        run.stderr
            .contains("5 bronnen: 1 nieuw of veranderd, 4 niet opgehaald"),
        "{}",
        run.stderr
    );
}

#[test]
fn open_data_of_another_format_version_is_named_as_such() {
    let server = Server::start();
    let mut value: serde_json::Value = serde_json::from_slice(&open_data()).unwrap();
    for version in [0, 2] {
        value["versie"] = version.into();
        server.set(
            &format!("/v{version}.json"),
            Answer::Json {
                body: serde_json::to_vec(&value).unwrap(),
                etag: format!("\"{version}\""),
            },
        );
    }
    let site = national(&[
        ("Oudstad", format!("adres: {}", server.url("/v0.json"))),
        ("Nieuwstad", format!("adres: {}", server.url("/v2.json"))),
    ]);
    let run = bronnen(&site, &[]);
    run.assert_success();
    assert!(
        run.stderr
            .contains("open data van een oudere gka (versie 0); deze gka leest versie 1"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "open data van een nieuwere gka (versie 2); deze gka leest versie 1. Gebruik een nieuwere gka"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("[GKA-W061]").count(), 2);
}

#[test]
fn mistakes_in_the_list_of_sources_are_errors_at_their_line_and_nothing_is_fetched() {
    let site = national(&[
        (
            "Almere",
            "adres: https://gka.almere.example/data/gka.json\n    map: gemeenten/almere".into(),
        ),
        (
            "Zwolle",
            "adres: http://gka.zwolle.example/data/gka.json".into(),
        ),
        ("Lelystad", "map: gemeenten/lelystad".into()),
        ("Urk", "adres: https://gka.urk.example/data/gka.json".into()),
        ("urk", "adres: https://urk.example/data/gka.json".into()),
    ]);
    let run = bronnen(&site, &[]);
    run.assert_code(1);
    for (line, words) in [
        (
            "content/site.yaml:6:10",
            "Almere heeft zowel een adres als een map",
        ),
        (
            "content/site.yaml:8:12",
            "'http://gka.zwolle.example/data/gka.json' begint niet met https://",
        ),
        (
            "content/site.yaml:10:10",
            "gemeenten/lelystad is geen map met een site",
        ),
        (
            "content/site.yaml:13:15",
            "urk staat twee keer onder bronnen",
        ),
    ] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with(line) && l.contains(words)),
            "{line}: {words}\n{}",
            run.stderr
        );
    }
    assert!(!site.path().join("bronnen").exists(), "nothing is fetched");
    // gka check finds the same mistakes in the list.
    let checked = common::gka_in(site.path(), ["check"]);
    checked.assert_code(1);
    assert_eq!(checked.stderr.matches("[GKA-E060]").count(), 4);

    // A key gka does not know is an error too, with the keys that are known.
    let site = national(&[("Dronten", "ergens: misschien".into())]);
    let run = bronnen(&site, &[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/site.yaml:5:5: fout[GKA-E007]: onbekende sleutel 'ergens'")
            && run.stderr.contains("gemeente, adres, map"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_names_sources_not_fetched_yet_and_copies_changed_by_hand() {
    let site = national(&[
        (
            "Almere",
            "adres: https://gka.almere.example/data/gka.json".into(),
        ),
        (
            "Zwolle",
            "adres: https://gka.zwolle.example/data/gka.json".into(),
        ),
    ]);
    site.write("bronnen/zwolle/gka.json", "{\"versie\": 1}");
    let run = common::gka_in(site.path(), ["check"]);
    run.assert_success();
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with("content/site.yaml:5:12")
                && l.contains("[GKA-W062]")
                && l.contains("Almere is nog niet opgehaald")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with("bronnen/zwolle/gka.json")
                && l.contains("[GKA-W061]")
                && l.contains("bij /: 'site' ontbreekt")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("\n0 van de 2 gemeenten staan op de site; 2 zijn weggelaten"),
        "{}",
        run.stderr
    );
    common::gka_in(site.path(), ["check", "--strict"]).assert_code(1);
}

#[test]
fn the_report_is_in_english_when_asked() {
    let site = national(&[("Lokaal", "map: gemeenten/lokaal".into())]);
    site.write("gemeenten/lokaal/content/site.yaml", "gemeente: Lokaal\n");
    let run = bronnen(&site, &["--lang", "en"]);
    run.assert_success();
    assert!(line_of(&run, "Lokaal").contains("folder in the repository"));
    assert!(
        run.stderr
            .contains("1 source: 0 new or changed, 0 not fetched")
    );
}

/// The texts of the elements `selector` finds in `doc`.
fn texts(doc: &scraper::Html, selector: &str) -> Vec<String> {
    doc.select(&common::sel(selector))
        .map(common::text)
        .collect()
}

/// The open data of a minimal site whose interventie is `interventie` (front matter and body).
fn open_data_with(gemeente: &str, interventie: &str) -> Vec<u8> {
    let site = SiteRoot::minimal();
    site.write(
        "content/site.yaml",
        format!(
            "gemeente: {gemeente}\nbase_url: \"https://gka.{}.example/\"\n",
            gemeente.to_lowercase()
        ),
    );
    site.write("content/interventies/voorlezen.md", interventie);
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    std::fs::read(built.out.join("data/gka.json")).unwrap()
}

#[test]
fn a_national_site_has_a_page_for_every_gemeente_it_could_read() {
    let site = national(&[
        (
            "Zwolle",
            "adres: https://gka.zwolle.example/data/gka.json".into(),
        ),
        (
            "Almere",
            "adres: https://gka.almere.example/data/gka.json".into(),
        ),
        ("Urk", "adres: https://gka.urk.example/data/gka.json".into()),
        ("Lokaalstad", "map: gemeenten/lokaalstad".into()),
        ("Foutdorp", "map: gemeenten/foutdorp".into()),
    ]);
    site.write(
        "bronnen/zwolle/gka.json",
        open_data_with(
            "Zwolle",
            "---\ntitel: Voorlezen in de wijk\nthemas: [Versterken van taal]\nleeftijden: [4-12]\n---\n\nVrijwilligers lezen voor.\n",
        ),
    );
    // Open data of a gka from before `paginas`.
    let mut almere: serde_json::Value = serde_json::from_slice(&open_data_with(
        "Almere",
        "---\ntitel: Taalhuis\nthemas: [Versterken van taal]\n---\n\nHet Taalhuis helpt.\n",
    ))
    .unwrap();
    almere.as_object_mut().unwrap().remove("paginas");
    site.write("bronnen/almere/gka.json", almere.to_string());
    // A copy this gka cannot read: Urk is left out, with a warning.
    site.write("bronnen/urk/gka.json", "{\"versie\": 2}\n");
    // A gemeente whose site is a folder of the repository, as a git submodule would be.
    let local = SiteRoot::minimal();
    local.edit("content/site.yaml", "Voorbeeldstad", "Lokaalstad");
    local.write(
        "content/interventies/speelotheek.md",
        "---\ntitel: Speelotheek\n---\n\nSpeelgoed lenen.\n",
    );
    local.write(
        "content/interview.md",
        "---\ntitel: Interview met de wethouder\nsamenvatting: Waarom Lokaalstad meedoet.\n---\n\nTekst.\n",
    );
    common::copy_dir(
        &local.file("content"),
        &site.file("gemeenten/lokaalstad/content"),
    );
    // A folder whose site has an error: left out, with a warning.
    common::copy_dir(
        &local.file("content"),
        &site.file("gemeenten/foutdorp/content"),
    );
    site.write(
        "gemeenten/foutdorp/content/interventies/kapot.md",
        "---\ntitel: [Kapot\n---\n",
    );

    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    let stderr = &built.run.stderr;
    assert!(
        stderr.contains("[GKA-W061]") && stderr.contains("Urk"),
        "{stderr}"
    );
    assert!(
        stderr.contains("[GKA-W063]") && stderr.contains("Foutdorp"),
        "{stderr}"
    );
    // The report of the sources ends with their count, before the pages'.
    assert!(
        stderr.contains(
            "\n3 van de 5 gemeenten staan op de site; 2 zijn weggelaten, de waarschuwingen \
             hierboven zeggen waarom.\n"
        ),
        "{stderr}"
    );

    // The overview: the three usable gemeenten, by name, each with its page.
    let overview = common::page(&built.out, "/gemeenten/");
    let names: Vec<String> = texts(&overview, ".gemeente-list h2");
    assert_eq!(names, ["Almere", "Lokaalstad", "Zwolle"]);
    for slug in ["almere", "lokaalstad", "zwolle"] {
        assert!(
            built
                .out
                .join(format!("gemeenten/{slug}/index.html"))
                .is_file(),
            "{slug}"
        );
    }
    assert!(!built.out.join("gemeenten/urk").exists());
    assert!(!built.out.join("gemeenten/foutdorp").exists());

    // A gemeente's page links to the original of each item, on the gemeente's own site.
    let zwolle = common::page(&built.out, "/gemeenten/zwolle/");
    let links = common::links_in(common::main_of(&zwolle), ".elsewhere-list h3 a");
    assert_eq!(
        links,
        [(
            "Voorlezen in de wijk".to_string(),
            "https://gka.zwolle.example/interventies/voorlezen/".to_string()
        )]
    );
    let local = common::page(&built.out, "/gemeenten/lokaalstad/");
    assert_eq!(
        texts(&local, ".elsewhere-list h3"),
        ["Speelotheek", "Interview met de wethouder"]
    );
    // Its other pages, such as an interview, under "Meer van Lokaalstad"; data of an older
    // gka without them (Almere's copy here) has no such section.
    assert_eq!(texts(&local, "#paginas"), ["Meer van Lokaalstad"]);
    assert!(
        common::main_of(&local)
            .html()
            .contains("Waarom Lokaalstad meedoet."),
        "{}",
        common::main_of(&local).html()
    );
    let almere = common::page(&built.out, "/gemeenten/almere/");
    assert!(almere.select(&common::sel("#paginas")).next().is_none());
    // The menu and the sitemap know the overview.
    let home = std::fs::read_to_string(built.out.join("index.html")).unwrap();
    assert!(
        home.contains("href=\"/gemeenten/\""),
        "the menu links to it"
    );
    let sitemap = std::fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("/gemeenten/zwolle/"), "{sitemap}");
}

/// What a source publishes is text and addresses, never markup or scripts on the national
/// site: a title with HTML is shown as text, an address that is no web address is no link.
#[test]
fn a_source_cannot_put_markup_or_scripts_into_the_national_site() {
    let site = national(&[(
        "Zwolle",
        "adres: https://gka.zwolle.example/data/gka.json".into(),
    )]);
    let mut data: serde_json::Value = serde_json::from_slice(&open_data_with(
        "Zwolle",
        "---\ntitel: Voorlezen\n---\n\nVoorlezen.\n",
    ))
    .unwrap();
    data["interventies"][0]["titel"] = "<script>alert(1)</script>".into();
    data["interventies"][0]["url"] = "javascript:alert(1)".into();
    data["site"]["omschrijving"] = "<img src=x onerror=alert(1)>".into();
    site.write(
        "bronnen/zwolle/gka.json",
        serde_json::to_vec(&data).unwrap(),
    );

    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    for page in ["gemeenten/index.html", "gemeenten/zwolle/index.html"] {
        let html = std::fs::read_to_string(built.out.join(page)).unwrap();
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(!html.contains("<img src=x"), "{page}");
        assert!(!html.contains("javascript:"), "{page}");
    }
    let zwolle = common::page(&built.out, "/gemeenten/zwolle/");
    assert_eq!(
        texts(&zwolle, ".elsewhere-list h3"),
        ["<script>alert(1)</script>"],
        "the title is shown as text, without a link"
    );
}
