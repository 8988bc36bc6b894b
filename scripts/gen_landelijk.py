#!/usr/bin/env python3
"""Generates a synthetic national GKA site and the open data of its gemeenten, for benchmarks.

    scripts/gen_landelijk.py OUT [--gemeenten 350] [--min 20] [--max 150] [--seed 1]
                                 [--port 8765] [--copies]

writes

    OUT/bronnen/<slug>/data/gka.json   the published open data of each gemeente (format
                                       version 1, valid under docs/gka.schema.json), as its
                                       own gka site would publish it, 20-150 documents each
    OUT/site/                          a national gka site whose content/site.yaml lists every
                                       gemeente under `bronnen` at http://127.0.0.1:PORT/...

Serve OUT/bronnen on the loopback and fetch, e.g.:

    python3 -m http.server 8765 --bind 127.0.0.1 --directory OUT/bronnen &
    gka bronnen --root OUT/site

or, with --copies, also write the copies into OUT/site/bronnen/ as `gka bronnen` would, to
build the national site without fetching: gka build --root OUT/site.

Standard library only; the same seed gives the same files.
"""

import argparse
import json
import random
import re
import unicodedata
from pathlib import Path

THEMAS = [
    "Versterken van taal",
    "Ouderbetrokkenheid",
    "Doorlopende leerlijnen",
    "Brede talentontwikkeling",
    "Kansengelijkheid in de wijk",
    "Armoede en meedoen",
    "Gezondheid en bewegen",
    "Samenwerking school en jeugdhulp",
]
LEEFTIJDEN = ["0-4", "4-12", "12-18", "0-6", "6-12", "12-23"]
ONDERWIJS = ["voorschool", "po", "vo", "mbo", "hbo"]
NIVEAUS = [
    ("goed-onderbouwd", "Goed onderbouwd"),
    ("effectief-eerste-aanwijzingen", "Effectief volgens eerste aanwijzingen"),
    ("effectief-goede-aanwijzingen", "Effectief volgens goede aanwijzingen"),
]
STATUS = ["gepland", "lopend", "afgerond"]
VOOR = ["Oost", "West", "Noord", "Zuid", "Hoog", "Laag", "Nieuw", "Oud", "Groot", "Klein"]
MIDDEN = ["er", "en", "el", "ar", "or", "um", "ijs", "oe", "aa", "ee"]
ACHTER = ["dam", "veen", "wijk", "hoven", "horst", "broek", "dorp", "stad", "lo", "meer"]
WOORDEN = (
    "kinderen jongeren ouders school wijk taal lezen spelen leren samen gemeente aanbod "
    "buurt sport cultuur zorg kans gelijk start toekomst vrijwilligers bibliotheek "
    "peuters leerkrachten coach begeleiding talent muziek huiswerk zomer"
).split()


def slugify(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def sentence(rng, words=14):
    chosen = [rng.choice(WOORDEN) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def text(rng, paragraphs):
    """A body as Markdown and as the HTML gka would render it."""
    paras = [" ".join(sentence(rng) for _ in range(rng.randint(3, 6))) for _ in range(paragraphs)]
    markdown = "\n" + "\n\n".join(paras) + "\n"
    html = "".join(f"<p>{p}</p>\n" for p in paras)
    return {"markdown": markdown, "html": html}


def page(rng, base, path, titel, paragraphs=3, datum=None):
    body = text(rng, paragraphs)
    return {
        "titel": titel,
        "url": f"{base}{path}",
        "samenvatting": body["markdown"].strip()[:200] + "…",
        "datum": datum,
        "trefwoorden": [],
        "tekst": body,
    }


def gemeente_data(rng, naam, documents):
    slug = slugify(naam)
    base = f"https://gka.{slug}.example"
    themas = rng.sample(THEMAS, rng.randint(3, 6))
    term = lambda t: {"naam": t, "url": f"{base}/themas/{slugify(t)}/"}
    n_nieuws = max(1, documents // 4)
    n_addenda = rng.randint(0, 2)
    n_interventies = max(1, documents - n_nieuws - n_addenda)
    interventies = []
    for i in range(n_interventies):
        titel = f"{rng.choice(WOORDEN).capitalize()} {rng.choice(WOORDEN)} {i + 1}"
        isl = slugify(titel)
        item = page(rng, base, f"/interventies/{isl}/", titel, rng.randint(3, 8))
        niveau = rng.choice(NIVEAUS + [None])
        item.update(
            {
                "slug": isl,
                "themas": [term(t) for t in rng.sample(themas, rng.randint(1, 2))],
                "leeftijden": rng.sample(LEEFTIJDEN, rng.randint(1, 2)),
                "doelgroep": None,
                "status": rng.choice(STATUS),
                "sinds": rng.randint(2015, 2025),
                "partners": [f"Stichting {rng.choice(WOORDEN).capitalize()}"],
                "website": None,
                "video": None,
                "onderwijs": sorted(rng.sample(ONDERWIJS, rng.randint(0, 2)), key=ONDERWIJS.index),
                "erkenning": None
                if niveau is None
                else {
                    "niveau": niveau[0],
                    "niveau_naam": niveau[1],
                    "databank": rng.choice(["nji", "rivm"]),
                    "url": None,
                },
            }
        )
        interventies.append(item)
    addenda = []
    for i in range(n_addenda):
        item = page(rng, base, f"/addenda/{2021 + i}-{2024 + i}/", f"Addendum {2021 + i}-{2024 + i}")
        item.update(
            {
                "periode": f"{2021 + i}-{2024 + i}",
                "ondertekend_op": f"{2021 + i}-11-15",
                "partners": ["Ministerie van OCW"],
                "interventies": [x["slug"] for x in rng.sample(interventies, min(2, len(interventies)))],
            }
        )
        addenda.append(item)
    nieuws = []
    for i in range(n_nieuws):
        datum = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        titel = f"{sentence(rng, 5)[:-1]}"
        item = page(rng, base, f"/nieuws/{slugify(titel)}-{i}/", titel, rng.randint(2, 5), datum)
        soort = rng.choice(["nieuws", "nieuws", "evenement"])
        item.update({"soort": soort, "locatie": f"Wijkcentrum {naam}" if soort == "evenement" else None})
        nieuws.append(item)
    nieuws.sort(key=lambda n: n["datum"], reverse=True)
    agenda = page(rng, base, "/agenda/", f"GKA-Agenda van {naam}", 6)
    agenda.update(
        {
            "ondertekend_door": {"naam": f"A. de {rng.choice(ACHTER).capitalize()}", "functie": "wethouder"},
            "ondertekend_op": f"{rng.randint(2019, 2023)}-06-01",
            "periode": "2021-2024",
            "themas": [term(t) for t in themas],
            "document": None,
        }
    )
    return {
        "versie": 1,
        "site": {
            "gemeente": naam,
            "titel": f"Gelijke Kansen Alliantie {naam}",
            "url": f"{base}/",
            "taal": "nl",
            "omschrijving": f"Wat {naam} doet voor gelijke kansen.",
        },
        "agenda": agenda,
        "addenda": addenda,
        "interventies": interventies,
        "programma": None,
        "programmalijnen": [],
        "nieuws": nieuws,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--gemeenten", type=int, default=350)
    parser.add_argument("--min", type=int, default=20)
    parser.add_argument("--max", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--copies", action="store_true", help="also write the fetched copies")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    names, seen = [], set()
    while len(names) < args.gemeenten:
        naam = rng.choice(VOOR) + rng.choice(MIDDEN) + rng.choice(ACHTER)
        if len(names) >= len(VOOR) * len(MIDDEN) * len(ACHTER) // 2:
            naam = f"{naam} {len(names)}"
        if slugify(naam) not in seen:
            seen.add(slugify(naam))
            names.append(naam)

    site = args.out / "site"
    (site / "content").mkdir(parents=True, exist_ok=True)
    documents = 0
    bronnen = []
    for naam in names:
        count = rng.randint(args.min, args.max)
        data = gemeente_data(rng, naam, count)
        documents += len(data["interventies"]) + len(data["nieuws"]) + len(data["addenda"]) + 1
        folder = args.out / "bronnen" / slugify(naam) / "data"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        (folder / "gka.json").write_text(text)
        if args.copies:
            copy = site / "bronnen" / slugify(naam)
            copy.mkdir(parents=True, exist_ok=True)
            (copy / "gka.json").write_text(text)
        bronnen.append(
            f"  - gemeente: {naam}\n"
            f"    adres: http://127.0.0.1:{args.port}/{slugify(naam)}/data/gka.json\n"
        )
    (site / "content" / "site.yaml").write_text(
        "gemeente: Nederland\ntitel: Gelijke Kansen Alliantie\n"
        'base_url: "https://gka.landelijk.example/"\nbronnen:\n' + "".join(bronnen)
    )
    (site / "content" / "index.md").write_text(
        "---\ntitel: Gelijke Kansen Alliantie\n---\n\nWat de gemeenten doen voor gelijke kansen.\n"
    )
    (site / "content" / "agenda.md").write_text(
        "---\ntitel: De landelijke agenda\nthemas:\n"
        + "".join(f"  - {t}\n" for t in THEMAS)
        + "---\n\nDe thema's van de Alliantie.\n"
    )
    print(f"{len(names)} gemeenten, {documents} documents, in {args.out}")


if __name__ == "__main__":
    main()
