#!/usr/bin/env python3
"""Generates a synthetic national GKA site and the open data of its gemeenten, for benchmarks.

    scripts/gen_landelijk.py OUT [--gemeenten 350] [--min 20] [--max 150] [--seed 1]
                                 [--port 8765] [--copies] [--hugo [--no-facets]]

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

With --hugo, also write OUT/hugo/, a Hugo site (Hugo 0.158 or later: content adapters, the
layouts folder without `_default`, `hugo.Data`, `locale`) with the same national pages from
the same open data, to set `hugo --source OUT/hugo` beside `gka build`:

    OUT/hugo/data/bronnen/<slug>/gka.json   each gemeente's open data, the same bytes as its
                                            copy (a hard link where the file system allows)
    OUT/hugo/content/gemeenten/_content.gotmpl
                                            a content adapter: /gemeenten/ and a page per
                                            gemeente (agenda, themes, addenda, interventies,
                                            news, each linking to the gemeente's own page)
    OUT/hugo/content/landelijk/...          two more adapters: every interventie as a page
                                            that is listed but not rendered, so that it is in
                                            /landelijk/interventies/ and the taxonomies
                                            thema, leeftijd, onderwijs and erkenning (term
                                            pages under /landelijk/, 50 interventies a page,
                                            not in the search index), and every news item for
                                            the merged news at /landelijk/nieuws/ (50 a
                                            page); not with --no-facets, which leaves them
                                            out

Hugo reads the open data from `data/`, which it parses once, at its first use in an adapter,
before it renders anything, as gka reads every copy before it renders; the layouts read a
gemeente's page from there as gka's views read its model. The layouts are gka's markup,
without its stylesheet and icons.

Standard library only; the same seed gives the same files.
"""

import argparse
import json
import os
import random
import re
import shutil
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


# The Hugo site of --hugo. Go templates; `{{` and `}}` are literal, so these are plain strings.
# A page kept out of the search index (as gka's lists of interventies are) opens its <main>
# without data-pagefind-body in the block "main-open".
HUGO_CONFIG = """\
baseURL: "https://gka.landelijk.example/"
title: "Gelijke Kansen Alliantie"
locale: nl
# Term names as the gemeenten write them.
titleCaseStyle: none
defaultContentLanguage: nl
# The interventies' lists in pages of 50 at .../pagina/N/, as gka's.
pagination:
  pagerSize: 50
  path: pagina
# Hugo's default feeds, as many items as gka's feed has (20) rather than every page.
services:
  rss:
    limit: 20
"""

# The pages' menu; the facets' items follow it unless --no-facets.
HUGO_MENU = """\
menus:
  main:
    - {name: "De landelijke agenda", pageRef: /agenda, weight: 1}
    - {name: "Gemeenten", pageRef: /gemeenten, weight: 2}
"""

# The national facets: the interventies by thema, leeftijd, onderwijs and erkenning, and the
# merged news, each with a menu item (left out with --no-facets).
HUGO_FACETS_CONFIG = """\
taxonomies:
  thema: themas
  leeftijd: leeftijden
  onderwijssoort: onderwijs
  erkenningsniveau: erkenning
permalinks:
  taxonomy:
    themas: /landelijk/themas/
    leeftijden: /landelijk/leeftijden/
    onderwijs: /landelijk/onderwijs/
    erkenning: /landelijk/erkenning/
  term:
    themas: /landelijk/themas/:slug/
    leeftijden: /landelijk/leeftijden/:slug/
    onderwijs: /landelijk/onderwijs/:slug/
    erkenning: /landelijk/erkenning/:slug/
"""
HUGO_FACETS_MENU = """\
    - {name: "Interventies", pageRef: /landelijk/interventies, weight: 3}
    - {name: "Nieuws", pageRef: /landelijk/nieuws, weight: 4}
"""

HUGO_ADAPTERS = {
    "gemeenten/_content.gotmpl": """\
{{/* A page per gemeente; its layout reads the gemeente's open data by `bron`. */}}
{{ range $slug, $bron := hugo.Data.bronnen }}
  {{ with $bron.gka }}
    {{ $.AddPage (dict "kind" "page" "path" $slug "title" .site.gemeente
      "params" (dict "bron" $slug "description" .site.omschrijving)) }}
  {{ end }}
{{ end }}
""",
    "landelijk/interventies/_content.gotmpl": """\
{{/* Every interventie of every gemeente: listed in the taxonomies, no page of its own. */}}
{{ range $slug, $bron := hugo.Data.bronnen }}
  {{ $g := $bron.gka }}
  {{ range $g.interventies }}
    {{/* Terms as lists of strings: Hugo takes no taxonomy terms from a list of JSON values.
      Not rendered, but "link" rather than "never": Hugo leaves pages it never renders out of
      its taxonomies. */}}
    {{ $themas := slice }}{{ range .themas }}{{ $themas = $themas | append .naam }}{{ end }}
    {{ $leeftijden := slice }}{{ range .leeftijden }}{{ $leeftijden = $leeftijden | append . }}{{ end }}
    {{ $onderwijs := slice }}{{ range .onderwijs }}{{ $onderwijs = $onderwijs | append . }}{{ end }}
    {{ $erkenning := slice }}{{ with .erkenning }}{{ $erkenning = $erkenning | append .niveau_naam }}{{ end }}
    {{ $.AddPage (dict "kind" "page" "path" (printf "%s/%s" $slug .slug) "title" .titel
      "build" (dict "render" "link" "list" "always") "sitemap" (dict "disable" true)
      "params" (dict "themas" $themas "leeftijden" $leeftijden "onderwijs" $onderwijs
        "erkenning" $erkenning "elders" .url "samenvatting" .samenvatting
        "gemeente" $g.site.gemeente "bron" $slug)) }}
  {{ end }}
{{ end }}
""",
    "landelijk/nieuws/_content.gotmpl": """\
{{/* Every news item of every gemeente, for the merged news; no page of its own. */}}
{{ range $slug, $bron := hugo.Data.bronnen }}
  {{ $g := $bron.gka }}
  {{ range $i, $n := $g.nieuws }}
    {{ $page := dict "kind" "page" "path" (printf "%s/%d" $slug $i) "title" .titel
      "build" (dict "render" "never" "list" "local")
      "params" (dict "elders" .url "soort" .soort "locatie" .locatie "samenvatting" .samenvatting
        "gemeente" $g.site.gemeente "bron" $slug) }}
    {{ with .datum }}{{ $page = merge $page (dict "dates" (dict "date" (time.AsTime .))) }}{{ end }}
    {{ $.AddPage $page }}
  {{ end }}
{{ end }}
""",
}

HUGO_LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">
{{ end }}<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:type" content="website">
<meta property="og:locale" content="nl_NL">
<meta property="og:site_name" content="{{ site.Title }}">
<meta name="DCTERMS.identifier" content="{{ .Permalink }}">
<meta name="DCTERMS.title" content="{{ .Title }}">
<meta name="DCTERMS.language" content="nl-NL">
<link rel="sitemap" type="application/xml" href="{{ "sitemap.xml" | relURL }}">
</head>
<body>
<a class="skip-link" href="#inhoud">Naar de inhoud</a>
<header class="site-header">
  <div class="container site-header__inner">
    <a class="site-header__brand" href="{{ site.Home.RelPermalink }}"><span>{{ site.Title }}</span></a>
    <nav class="site-nav" aria-label="Hoofdmenu">
      <ul class="site-nav__list">
        {{ range site.Menus.main }}<li><a class="site-nav__link" href="{{ .URL }}"{{ if $.IsMenuCurrent "main" . }} aria-current="page"{{ else if $.HasMenuCurrent "main" . }} aria-current="true"{{ end }}>{{ .Name }}</a></li>
        {{ end }}
      </ul>
    </nav>
    <form class="site-search" role="search" action="{{ "zoeken/" | relURL }}" method="get">
      <label class="visually-hidden" for="zoekveld">Zoeken op deze website</label>
      <input class="site-search__input" id="zoekveld" name="q" type="search" autocomplete="off">
      <button class="site-search__button" type="submit">Zoeken</button>
    </form>
  </div>
</header>
{{ if not .IsHome }}<nav class="breadcrumbs container" aria-label="Kruimelpad">
  <ol class="breadcrumbs__list">
    {{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
    {{ end }}<li><a href="{{ .RelPermalink }}" aria-current="page">{{ .Title }}</a></li>
  </ol>
</nav>
{{ end }}{{ block "main-open" . }}<main id="inhoud" class="container" tabindex="-1" data-pagefind-body>{{ end }}
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="container">
    <h2 class="site-footer__title">Contact</h2>
    <p>Gemeente Nederland</p>
    <p class="site-footer__about">{{ site.Title }} — de Gelijke Kansen Alliantie in de gemeente Nederland.</p>
  </div>
</footer>
</body>
</html>
""",
    "home.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}{{ end }}
""",
    "page.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Params.agendathemas }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ .Content }}{{ end }}
""",
    "gemeenten/section.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} gemeenten werken met de Gelijke Kansen Alliantie. Per gemeente ziet u haar GKA-Agenda, thema's, interventies en nieuws.</p>
<ul class="gemeente-list">
  {{ range .Pages.ByTitle }}{{ $g := index hugo.Data.bronnen .Params.bron "gka" }}<li>
    <h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
    {{ with $g.site.omschrijving }}<p>{{ . }}</p>{{ end }}
    <p class="meta">{{ len $g.interventies }} {{ if eq (len $g.interventies) 1 }}interventie{{ else }}interventies{{ end }}, {{ len $g.nieuws }} {{ if eq (len $g.nieuws) 1 }}nieuwsbericht{{ else }}nieuwsberichten{{ end }}{{ with $g.agenda }}{{ with .themas }}. Thema's: {{ range $i, $t := . }}{{ if $i }}, {{ end }}{{ $t.naam }}{{ end }}{{ end }}{{ end }}</p>
  </li>
  {{ end }}
</ul>{{ end }}
""",
    "gemeenten/page.html": """\
{{ define "main" }}{{ $g := index hugo.Data.bronnen .Params.bron "gka" }}
<h1>{{ .Title }}</h1>
{{ with $g.site.omschrijving }}<p class="lead">{{ . }}</p>{{ end }}
{{ with $g.site.url }}<p>De teksten op deze pagina komen van <a href="{{ . }}">de site van {{ $.Title }}</a>; daar leest u alles.</p>{{ end }}
{{ with $g.agenda }}
<section aria-labelledby="agenda">
  <h2 id="agenda">GKA-Agenda</h2>
  <p>{{ partial "elders.html" . }}{{ with .periode }} ({{ . }}){{ end }}</p>
  {{ with .samenvatting }}<p>{{ . }}</p>{{ end }}
  {{ with .ondertekend_door }}<p class="meta">Ondertekend door {{ .naam }}, {{ .functie }}{{ with $g.agenda.ondertekend_op }}, op <time datetime="{{ . }}">{{ time.Format ":date_long" . }}</time>{{ end }}.</p>{{ end }}
</section>
{{ with .themas }}
<section aria-labelledby="themas">
  <h2 id="themas">Thema's</h2>
  <ul>{{ range . }}<li>{{ partial "elders.html" (dict "titel" .naam "url" .url) }}</li>{{ end }}</ul>
</section>
{{ end }}{{ end }}
{{ with $g.addenda }}
<section aria-labelledby="addenda">
  <h2 id="addenda">Addenda</h2>
  <ul>{{ range . }}<li>{{ partial "elders.html" . }}</li>{{ end }}</ul>
</section>
{{ end }}
{{ with $g.interventies }}
<section aria-labelledby="interventies">
  <h2 id="interventies">Interventies</h2>
  <ul class="elsewhere-list">{{ range . }}<li>
    <h3>{{ partial "elders.html" . }}</h3>
    {{ with .samenvatting }}<p>{{ . }}</p>{{ end }}
    {{ if or .themas .leeftijden }}<p class="meta">{{ with .themas }}Thema's: {{ range $i, $t := . }}{{ if $i }}, {{ end }}{{ $t.naam }}{{ end }}{{ end }}{{ if and .themas .leeftijden }}. {{ end }}{{ with .leeftijden }}Leeftijd: {{ delimit . ", " }} jaar{{ end }}</p>{{ end }}
  </li>{{ end }}</ul>
</section>
{{ end }}
{{ with $g.nieuws }}
<section aria-labelledby="nieuws">
  <h2 id="nieuws">Nieuws</h2>
  <ul>{{ range . }}<li>{{ partial "elders.html" . }}{{ with .datum }} <span class="meta">(<time datetime="{{ . }}">{{ time.Format ":date_long" . }}</time>)</span>{{ end }}</li>{{ end }}</ul>
</section>
{{ end }}{{ end }}
""",
    "landelijk/nieuws/section.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<p>Het nieuws en de evenementen van alle gemeenten, het nieuwste eerst. Elk bericht linkt naar de site van de gemeente: daar leest u het hele bericht.</p>
<ul class="elsewhere-list">
  {{ range (.Paginate .Pages.ByDate.Reverse).Pages }}<li>
    <h2><a href="{{ .Params.elders }}">{{ .Title }}</a></h2>
    <p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>. {{ .Params.soort }}.{{ with .Params.locatie }} Plaats: {{ . }}.{{ end }} Gemeente: <a href="{{ printf "gemeenten/%s/" .Params.bron | relURL }}">{{ .Params.gemeente }}</a>.</p>
    {{ with .Params.samenvatting }}<p>{{ . }}</p>{{ end }}
  </li>
  {{ end }}
</ul>
{{ with .Paginator }}{{ if gt .TotalPages 1 }}<nav aria-label="Pagina's">{{ with .Prev }}<a href="{{ .URL }}">Vorige</a> {{ end }}{{ .PageNumber }} van {{ .TotalPages }}{{ with .Next }} <a href="{{ .URL }}">Volgende</a>{{ end }}</nav>{{ end }}{{ end }}{{ end }}
""",
    "landelijk/interventies/section.html": """\
{{ define "main-open" }}<main id="inhoud" class="container" tabindex="-1">{{ end }}{{ define "main" }}<h1>{{ .Title }}</h1>
<p>Wat gemeenten doen voor gelijke kansen: {{ len .Pages }} interventies. Elke interventie staat op de site van de gemeente; daar leest u alles.</p>
<nav class="filters" aria-labelledby="filters-kop">
  <h2 id="filters-kop">Bekijk de interventies per onderwerp</h2>
  {{ range $naam, $termen := site.Taxonomies }}{{ with $termen.Page }}<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ end }}
  <ul class="filters__list">
    {{ range $termen.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> <span class="count">({{ .Count }})</span></li>
    {{ end }}
  </ul>
  {{ end }}
  <h3><a href="{{ "gemeenten/" | relURL }}">Per gemeente</a></h3>
  <p>Op de pagina van elke gemeente staan haar interventies.</p>
</nav>
{{ partial "interventies.html" . }}{{ end }}
""",
    "taxonomy.html": """\
{{ define "main-open" }}<main id="inhoud" class="container" tabindex="-1">{{ end }}{{ define "main" }}<h1>{{ .Title }}</h1>
<ul class="term-list">
  {{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> <span class="count">({{ .Count }} {{ if eq .Count 1 }}interventie{{ else }}interventies{{ end }})</span></li>
  {{ end }}
</ul>{{ end }}
""",
    "term.html": """\
{{ define "main-open" }}<main id="inhoud" class="container" tabindex="-1">{{ end }}{{ define "main" }}<h1>{{ .Title }}</h1>
{{ partialCached "term-gemeenten.html" . .Path }}
{{ partial "interventies.html" . }}{{ end }}
""",
    "_partials/term-gemeenten.html": """\
<section aria-labelledby="gemeenten-kop">
  <h2 id="gemeenten-kop">Gemeenten die hieraan werken</h2>
  <ul class="filters__list">
    {{ range .Pages.GroupByParam "gemeente" }}{{ with index .Pages 0 }}<li><a href="{{ printf "gemeenten/%s/" .Params.bron | relURL }}">{{ .Params.gemeente }}</a></li>
    {{ end }}{{ end }}
  </ul>
</section>
""",
    "_partials/interventies.html": """\
<section aria-labelledby="lijst-kop">
  <h2 id="lijst-kop">{{ len .Pages }} interventies <span class="count">(pagina {{ .Paginator.PageNumber }} van {{ .Paginator.TotalPages }})</span></h2>
  <ul class="elsewhere-list">{{ range .Paginator.Pages }}<li>
    <h3><a href="{{ .Params.elders }}">{{ .Title }}</a></h3>
    {{ with .Params.samenvatting }}<p>{{ . }}</p>{{ end }}
    <p class="meta">In <a href="{{ printf "gemeenten/%s/" .Params.bron | relURL }}">{{ .Params.gemeente }}</a>{{ with .Params.leeftijden }}. Leeftijd: {{ delimit . ", " }} jaar{{ end }}</p>
  </li>{{ end }}</ul>
</section>
{{ partial "pagers.html" . }}
""",
    "_partials/elders.html": """\
{{- if or (hasPrefix .url "https://") (hasPrefix .url "http://") }}<a href="{{ .url }}">{{ .titel }}</a>{{ else }}{{ .titel }}{{ end -}}
""",
    "_partials/pagers.html": """\
{{ with .Paginator }}{{ if gt .TotalPages 1 }}<nav aria-label="Pagina's">{{ with .Prev }}<a href="{{ .URL }}">Vorige</a> {{ end }}{{ .PageNumber }} van {{ .TotalPages }}{{ with .Next }} <a href="{{ .URL }}">Volgende</a>{{ end }}</nav>{{ end }}{{ end }}
""",
}


def write_file(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def link_or_copy(source, target):
    """The same bytes at `target`: a hard link, or a copy where the file system has none."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def write_hugo(out, published, facets):
    """Writes the Hugo site of --hugo into `out`; `published` maps each slug to its gka.json;
    without `facets`, only the home page, the agenda and the gemeenten's pages."""
    for slug, source in published.items():
        link_or_copy(source, out / "data" / "bronnen" / slug / "gka.json")
    # Without facets no taxonomies at all: Hugo would otherwise make empty tags and categories.
    config = HUGO_CONFIG + (HUGO_FACETS_CONFIG if facets else "taxonomies: {}\n") + HUGO_MENU
    write_file(out / "hugo.yaml", config + (HUGO_FACETS_MENU if facets else ""))
    for name, template in HUGO_ADAPTERS.items():
        if facets or not name.startswith("landelijk/"):
            write_file(out / "content" / name, template)
    for name, template in HUGO_LAYOUTS.items():
        write_file(out / "layouts" / name, template)
    content = out / "content"
    write_file(content / "_index.md", "---\ntitle: Gelijke Kansen Alliantie\n---\n\n"
               "Wat de gemeenten doen voor gelijke kansen.\n")
    # Its themes under another name than the taxonomy's, so that the agenda is no interventie.
    write_file(content / "agenda.md", "---\ntitle: De landelijke agenda\nagendathemas:\n"
               + "".join(f"  - {t}\n" for t in THEMAS) + "---\n\nDe thema's van de Alliantie.\n")
    write_file(content / "gemeenten" / "_index.md", "---\ntitle: Gemeenten\n---\n")
    if not facets:
        return
    for taxonomy, title in [("themas", "Thema's"), ("leeftijden", "Leeftijden"),
                            ("onderwijs", "Onderwijs"), ("erkenning", "Erkenning")]:
        write_file(content / taxonomy / "_index.md", f"---\ntitle: \"{title}\"\n---\n")
    # gka has no page at /landelijk/ itself, only below it.
    write_file(content / "landelijk" / "_index.md",
               "---\ntitle: Landelijk\nbuild:\n  render: never\n  list: never\n---\n")
    write_file(content / "landelijk" / "interventies" / "_index.md", "---\ntitle: Interventies\n---\n")
    write_file(content / "landelijk" / "nieuws" / "_index.md", "---\ntitle: Nieuws\n---\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--gemeenten", type=int, default=350)
    parser.add_argument("--min", type=int, default=20)
    parser.add_argument("--max", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--copies", action="store_true", help="also write the fetched copies")
    parser.add_argument(
        "--hugo", action="store_true", help="also write OUT/hugo, the same pages for Hugo"
    )
    parser.add_argument(
        "--no-facets",
        action="store_true",
        help="without the national facets and merged news in OUT/hugo (for a gka without them)",
    )
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
    published = {}
    for naam in names:
        count = rng.randint(args.min, args.max)
        data = gemeente_data(rng, naam, count)
        documents += len(data["interventies"]) + len(data["nieuws"]) + len(data["addenda"]) + 1
        folder = args.out / "bronnen" / slugify(naam) / "data"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        (folder / "gka.json").write_text(text)
        published[slugify(naam)] = folder / "gka.json"
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
    if args.hugo:
        write_hugo(args.out / "hugo", published, facets=not args.no_facets)
    print(f"{len(names)} gemeenten, {documents} documents, in {args.out}")


if __name__ == "__main__":
    main()
