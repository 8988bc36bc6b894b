//! Open data: `/data/gka.json` validates against its JSON Schema, the schema in `docs/` is the
//! one the build publishes, what gka publishes reads back into the same data (as a national
//! site reads it), and `/data/interventies.csv` has a header and one row per interventie.

mod common;

use common::*;

fn json(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn the_json_validates_against_its_schema() {
    let built = build_example(&[]);
    let schema = json(&built.out.join("data/gka.schema.json"));
    let data = json(&built.out.join("data/gka.json"));
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(data["site"]["gemeente"], "Almere");
    assert_eq!(data["interventies"].as_array().unwrap().len(), 3);
    assert_eq!(data["agenda"]["themas"].as_array().unwrap().len(), 5);
    let lijn = &data["programmalijnen"][0];
    assert_eq!(lijn["nummer"], 1);
    assert_eq!(lijn["ambities"].as_array().unwrap().len(), 4);
    assert_eq!(lijn["resultaten"][0]["leeftijd"], "0-6");
    let tekst = &lijn["resultaten"][0]["tekst"];
    assert!(
        tekst["markdown"]
            .as_str()
            .unwrap()
            .contains("*De Voorschool is er voor iedereen*")
    );
    assert!(
        tekst["html"]
            .as_str()
            .unwrap()
            .contains("<em>De Voorschool is er voor iedereen</em>")
    );
    assert_eq!(data["nieuws"][0]["soort"], "evenement");
}

/// A national site reads each gemeente's `gka.json` into the types that wrote it: nothing is
/// lost or changed on the way, so writing what was read gives the same bytes.
#[test]
fn the_published_json_reads_back_into_the_same_data() {
    let built = build_example(&[]);
    let published = std::fs::read(built.out.join("data/gka.json")).unwrap();
    let read = gka::open_data::OpenData::from_json(&published).expect("it reads back");
    assert_eq!(read.site.gemeente, "Almere");
    assert_eq!(read.interventies.len(), 3);
    let mut written = Vec::new();
    read.write_json(&mut written).unwrap();
    assert!(
        written == published,
        "what was read is written differently:\n{}",
        String::from_utf8_lossy(&written)
    );
}

#[test]
fn the_schema_in_docs_is_the_published_one() {
    let built = build_example(&[]);
    let published = std::fs::read_to_string(built.out.join("data/gka.schema.json")).unwrap();
    let documented = std::fs::read_to_string(repo_root().join("docs/gka.schema.json")).unwrap();
    assert!(
        published == documented,
        "docs/gka.schema.json is out of date: copy public/data/gka.schema.json over it after a build"
    );
}

/// Reads the CSV as Dutch Excel does on a double-click: UTF-8 only after a byte-order mark,
/// fields separated by `;`.
fn spreadsheet(path: &std::path::Path) -> csv::Reader<std::io::Cursor<Vec<u8>>> {
    let bytes = std::fs::read(path).unwrap();
    let text = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("the CSV starts with a byte-order mark");
    assert!(
        text.split(|b| *b == b'\n').next().unwrap().contains(&b';'),
        "the header is separated by ';'"
    );
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(std::io::Cursor::new(text.to_vec()))
}

#[test]
fn the_csv_has_a_header_and_one_row_per_interventie() {
    let built = build_example(&[]);
    let mut reader = spreadsheet(&built.out.join("data/interventies.csv"));
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["slug", "titel", "url"]);
    assert!(header.contains(&"themas".to_string()) && header.contains(&"leeftijden".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let slugs: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        slugs,
        [
            "als-ik-later-groot-ben",
            "dare-to-dream-in-036",
            "kansrijk-in-almere"
        ]
    );
    let themas = header.iter().position(|h| h == "themas").unwrap();
    assert_eq!(
        &rows[2][themas],
        "Inzetten op gezondheid; Brede talentontwikkeling; Ouderbetrokkenheid"
    );
}

/// `onderwijs` and `erkenning` (the terms fixture has both) are in the JSON, valid against the
/// schema, and in the CSV.
#[test]
fn onderwijs_and_erkenning_are_open_data_too() {
    let built = build_fixture("terms", &[]);
    let schema = json(&built.out.join("data/gka.schema.json"));
    let data = json(&built.out.join("data/gka.json"));
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    assert!(validator.is_valid(&data));
    let huiswerkklas = &data["interventies"][0];
    assert_eq!(huiswerkklas["slug"], "huiswerkklas");
    assert_eq!(huiswerkklas["onderwijs"], serde_json::json!(["po"]));
    assert_eq!(
        huiswerkklas["erkenning"],
        serde_json::json!({
            "niveau": "goed-onderbouwd",
            "niveau_naam": "Goed onderbouwd",
            "databank": "nji",
            "url": "https://www.example.org/databank/huiswerkklas"
        })
    );
    assert!(data["interventies"][2]["erkenning"].is_null());

    let mut reader = spreadsheet(&built.out.join("data/interventies.csv"));
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let field = |row: usize, name: &str| -> String {
        let column = header.iter().position(|h| h == name).unwrap();
        rows[row][column].to_string()
    };
    assert_eq!(field(1, "onderwijs"), "voorschool; po");
    assert_eq!(field(1, "erkenning_niveau"), "goed-beschreven");
    assert_eq!(field(1, "erkenning_databank"), "rivm");
    assert_eq!(field(1, "erkenning_url"), "");
    assert_eq!(field(2, "erkenning_niveau"), "");
}
