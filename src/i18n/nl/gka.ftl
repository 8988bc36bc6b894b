# Wat gka zegt, in eenvoudig Nederlands (B1). Elke tekst staat ook in ../en/gka.ftl, met
# dezelfde { $namen }.

## Afloop van een opdracht

klaar-gebouwd = { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    } ({ $files ->
        [one] 1 bestand
       *[other] { $files } bestanden
    }) gemaakt in { $folder } in { $seconds } s
klaar-gecontroleerd = { $pages ->
        [one] 1 pagina gecontroleerd
       *[other] { $pages } pagina's gecontroleerd
    }
decimaalteken = ,
mislukt = Niet gelukt: { $summary }. Er is niets geschreven.
fout = fout: { $message }
samenvatting = { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }
nieuw-gemaakt = Nieuwe site voor { $gemeente } gemaakt in { $folder } ({ $files } bestanden, thema themes/{ $theme }/).
    Volgende stap: gka check --strict --root { $folder } toont de teksten die u nog moet schrijven (TODO:).
schemas-geschreven = { $count } schema's geschreven in { $folder }
geschreven = { $file } geschreven
kan-niet-schrijven = fout: kan { $file } niet schrijven: { $reason }
onbekende-taal = onbekende taal '{ $code }' in { $source }: kies nl of en

## Hulp bij de opdrachten (gka --help)

help-gebruik = Gebruik:
help-opdrachten = Opdrachten
help-opdracht = OPDRACHT
help-opties = Opties
help-argumenten = Argumenten
help-gka = Maak de website over het werk van een gemeente voor de Gelijke Kansen Alliantie (GKA), uit Markdown-bestanden.
help-gka-flags =
    gka build [-r MAP] [-o MAP] [-u ADRES] [--drafts] [--no-search] [--strict] [--todos] [--format F]
    gka check [-r MAP] [-u ADRES] [--drafts] [--no-search] [--strict] [--todos] [--format F]
    gka serve [-r MAP] [--interface 127.0.0.1] [-p 1111] [-u ADRES] [-O] [--output MAP] [--drafts] [--no-search] [--todos]
    gka new <MAP> --gemeente NAAM [--thema gka]
    gka schema [-o schemas] [--cms frontmatter|decap [--repo EIGENAAR/NAAM] [--backend B] [--branch TAK]]
    gka completions bash|zsh|fish|powershell|elvish
    gka copy-theme [THEMA] [-r MAP] [--force]
    gka uitleg [CODE]
    gka bronnen [-r MAP] [--timeout 60] [--strict]
      -r, --root MAP        de map van de site, met content/ en themes/ (standaard: de map waar u nu bent)
      -o, --output MAP      waar de site komt (standaard: public/ in de map van de site)
      -u, --base-url ADRES  het adres waarop de site komt te staan; gaat voor base_url in content/site.yaml
      --drafts              zet ook documenten met `concept: true` op de site
      --no-search           zonder zoekpagina en zoekindex (build, check en serve)
      --strict              stop ook bij waarschuwingen
      --todos               toon elke tekst met TODO: apart, niet één regel per bestand
      --format F            human, json, github of gitlab (standaard: human; github in GitHub Actions)
      --interface IP        het adres van de voorbeeldserver (standaard: 127.0.0.1, alleen deze computer)
      -p, --port N          de poort van de voorbeeldserver (standaard: 1111; 0 kiest een vrije poort)
      -O, --open            open de site in de browser zodra hij klaar is
      --lang TAAL           nl (standaard) of en; ook met GKA_LANG=en

    Afsluitcodes: 0 gelukt, 1 fouten in de inhoud of de sjablonen, 2 verkeerde opdracht of een bestand dat niet kan.
    Elk probleem heeft een code zoals GKA-E007; gka uitleg GKA-E007 legt die uit.
help-build = Maak de site van content/ en themes/ in de uitvoermap.
help-build-long = Maak de site van content/ en themes/ in de uitvoermap.

    De vorige versie wordt pas vervangen als alles gelukt is. Bij een fout wordt niets geschreven en is de afsluitcode 1.
help-check = Controleer de site op fouten, zonder iets te schrijven.
help-check-long = Controleer de site op fouten, zonder iets te schrijven.

    Doet alle controles van gka build: front matter, verwijzingen, links en sjablonen. Afsluitcode 0 zonder fouten, 1 met fouten (of met waarschuwingen, bij --strict).
help-serve = Maak de site, toon hem op deze computer en maak hem opnieuw bij elke wijziging.
help-serve-long = Maak de site, toon hem op deze computer en maak hem opnieuw bij elke wijziging.

    Open pagina's laden opnieuw na elke wijziging. Zit er een fout in een bestand, dan blijft de laatste goede versie staan en toont elke pagina de fouten, tot ze zijn opgelost.
help-new = Maak een complete site voor een gemeente in een nieuwe map.
help-new-long = Maak een complete site voor een gemeente in een nieuwe map.

    Schrijft een voorbeeld van elk soort document, een agenda met thema's om in te vullen, een eigen thema voor de gemeente (op basis van gka) en de bestanden om te publiceren. Teksten die u nog moet schrijven staan er als `TODO:`; gka check --strict toont ze. Een map die niet leeg is, wordt niet gebruikt.
help-completions = Toon de aanvullingen van de opdrachten en opties van gka voor een shell.
help-completions-long = Toon de aanvullingen van de opdrachten en opties van gka voor een shell.

    Laad ze in het opstartbestand van de shell, bijvoorbeeld met `source <(gka completions bash)` in ~/.bashrc. De uitleg erbij is in de taal die gka spreekt.
help-completions-shell = De shell: bash, zsh, fish, powershell of elvish
help-schema = Schrijf JSON-schema's van content/site.yaml en van de front matter van elk soort document.
help-schema-long = Schrijf JSON-schema's van content/site.yaml en van de front matter van elk soort document.

    Een <soort>.schema.json per soort document, voor aanvullen en controleren in de editor. Met --cms de formulieren van Front Matter CMS (frontmatter.json) of Decap/Sveltia CMS (config.yml), gemaakt uit dezelfde schema's.
help-arg-help = Toon deze hulp
help-arg-version = Toon het versienummer
help-arg-lang = De taal van gka: nl (standaard) of en; ook met GKA_LANG
help-arg-root = De map van de site: de map met content/ en themes/ [standaard: de map waar u nu bent]
help-arg-base-url = Het adres waarop de site komt te staan; gaat voor base_url in content/site.yaml
help-arg-drafts = Zet ook documenten met `concept: true` op de site
help-arg-no-search = Zonder zoekpagina (/zoeken/) en zoekindex (/pagefind/)
help-arg-strict = Stop ook bij waarschuwingen
help-arg-format = Hoe problemen worden getoond: human, json, github of gitlab [standaard: github als GITHUB_ACTIONS=true, anders human]
help-build-output = Waar de site komt [standaard: public/ in de map van de site]
help-serve-interface = Het adres waarop de server luistert [standaard: 127.0.0.1, alleen deze computer]. Elk ander adres deelt de site met het netwerk; gka waarschuwt dan
help-serve-port = De poort waarop de server luistert [standaard: 1111]; 0 laat de computer een vrije poort kiezen
help-serve-open = Open de site in de browser zodra hij klaar is
help-serve-output = Waar de bestanden van het voorbeeld komen; ze worden bij elke wijziging bijgewerkt (standaard: een tijdelijke map, weg als de server stopt). De map moet leeg zijn of eerder door gka zijn gemaakt
help-serve-no-search = Zonder zoekpagina en zoekindex: sneller bij grote sites (de index kost ongeveer 2 s per 1000 pagina's)
help-new-folder = De map die gka maakt; die mag nog niet bestaan, of moet leeg zijn
help-new-gemeente = De naam van de gemeente zoals die geschreven wordt, bijvoorbeeld "Zwolle" of "'s-Hertogenbosch"
help-new-thema = Het thema waarop het eigen thema van de gemeente voortbouwt [standaard: gka]
help-schema-output = Waar gka schrijft: de map voor de JSON-schema's [standaard: schemas], of met --cms het bestand [standaard: frontmatter.json, of content/static/admin/config.yml voor decap]
help-schema-cms = Schrijf de instellingen van een editor met formulieren (frontmatter of decap), in plaats van de JSON-schema's
help-schema-repo = Met --cms decap: de repository waarin de webeditor opslaat, als eigenaar/naam. Zonder dit werkt de editor alleen op deze computer (npx decap-server)
help-schema-backend = Met --cms decap en --repo: waar de repository staat, github of gitlab [standaard: github]
help-schema-branch = Met --cms decap: de tak (branch) waarin de webeditor opslaat [standaard: main]
help-schema-app-id = Met --backend gitlab: de Application ID van de GitLab-toepassing van de site, zodat redacteuren met GitLab zelf inloggen (PKCE), zonder eigen server

## Namen van waarden in de hulp

waarde-dir = MAP
waarde-url = ADRES
waarde-format = VORM
waarde-folder = MAP
waarde-naam = NAAM
waarde-thema = THEMA
waarde-path = PAD
waarde-owner-name = EIGENAAR/NAAM
waarde-branch = TAK
waarde-taal = TAAL
waarde-n = N
waarde-ip = IP
waarde-cms = CMS

## Fouten in YAML (de front matter en content/site.yaml)

yaml-tab = aan het begin van deze regel staat een tab; YAML kan alleen met spaties inspringen
yaml-tab-hint = gebruik spaties in plaats van de tab: `{ $line }`
yaml-rare-spatie = hier staat een spatie die er gewoon uitziet, maar het niet is ({ $code }, bijvoorbeeld een harde spatie uit Word)
yaml-rare-spatie-hint = typ de spatie opnieuw: `{ $line }`
yaml-krulquotes = de tekst staat tussen gekrulde aanhalingstekens (“ ”) en bevat een dubbele punt; YAML kent alleen rechte aanhalingstekens (")
yaml-dubbele-punt = de tekst bij `{ $key }` bevat een dubbele punt met een spatie erna, en dan denkt YAML dat er een nieuwe sleutel begint
yaml-quotes-hint = zet de tekst tussen rechte aanhalingstekens: `{ $line }`

## Waarden

datum-vorm = '{ $text }' is geen datum: schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2021-03-24
datum-maand = '{ $text }' is geen datum: er is geen maand { $month }; de maand is 01 tot en met 12
datum-dag = '{ $text }' bestaat niet: { $month ->
        [1] januari
        [2] februari
        [3] maart
        [4] april
        [5] mei
        [6] juni
        [7] juli
        [8] augustus
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year } heeft { $days } dagen
evenement-zonder-locatie = een evenement zonder `locatie`: waar is het?
evenement-zonder-locatie-hint = voeg een regel toe, bijvoorbeeld `locatie: Bibliotheek, Stationsplein 1` of `locatie: Online`

## Adressen en aliassen

slug-ongeldig = de slug '{ $slug }' kan niet in een webadres
slug-ongeldig-hint = gebruik kleine letters, cijfers en streepjes, bijvoorbeeld '{ $example }'
adres-gereserveerd = het adres { $url } is voor pagina's die gka zelf maakt ({ $reserved })
adres-gereserveerd-hint = geef het bestand een andere naam, of kies een andere `slug`
adres-bezet = het adres { $url } wordt ook gebruikt door { $other }
adres-bezet-hint = geef een van de twee documenten een andere bestandsnaam of `slug`
alias-ongeldig-hint = schrijf een oud adres van deze pagina op deze site, bijvoorbeeld /oud/adres/
alias-volledig-adres = de alias '{ $alias }' moet een adres op deze site zijn, geen volledig webadres
alias-andere-site = de alias '{ $alias }' begint met //, en dan is het een adres op een andere site
alias-vreemd-deel = de alias '{ $alias }' bevat '..', '.', een backslash (\) of een onzichtbaar teken
alias-leeg = de alias '{ $alias }' is leeg
alias-verbergt = de alias { $alias } zou de pagina van { $page } verbergen
alias-van-gka = de alias { $alias } is een adres dat gka zelf gebruikt
alias-dubbel = de alias { $alias } wordt ook gebruikt door { $other }
alias-conflict-hint = haal de alias weg, of kies een ander oud adres
uitvoer-botsing = { $first } en { $second } zouden allebei in /{ $file } komen
uitvoer-botsing-hint = geef een van de twee een ander adres: een andere bestandsnaam, `slug` of alias
claim-pagina = de pagina van { $file }
claim-startpagina = de startpagina van { $file }
claim-lijst = de lijstpagina van { $file }
claim-lijst-gka = de lijstpagina { $url }
claim-agenda = de agenda
claim-verklaring = de toegankelijkheidsverklaring
claim-overzicht = de overzichtspagina { $url }
claim-term = de pagina van '{ $name }' ({ $url })
claim-alias = de alias { $alias } in { $file }
claim-kalender = het agendabestand van { $file }
claim-security = security.txt (`beveiliging` in content/site.yaml)
claim-404 = de pagina voor adressen die niet bestaan
claim-robots = robots.txt
claim-feed = de nieuwsfeed
claim-zoeken = de zoekpagina
claim-sitemap = de sitemap
claim-merkteken = het merkteken van gka in de uitvoermap
claim-open-data = de open data
claim-zoekindex = de zoekindex
claim-bestand = het bestand { $file }

## Onzichtbare tekens en lege teksten

stuurteken = { $count ->
        [one] de tekst bevat een onzichtbaar stuurteken ({ $code })
       *[other] de tekst bevat { $count } onzichtbare stuurtekens, het eerste hier ({ $code })
    }
stuurteken-hint = haal het weg: het komt vaak mee met tekst uit Word of een pdf; typ de woorden eromheen opnieuw
stuurteken-escape = deze tekst maakt een onzichtbaar stuurteken ({ $code })
stuurteken-escape-hint = haal de code met de backslash (zoals \f of \x0c) uit de tekst
tekst-leeg = deze tekst is leeg: schrijf tussen de aanhalingstekens wat er moet staan
thema-leeg = het thema '{ $thema }' heeft geen letters of cijfers, dus geen naam en geen adres
thema-leeg-hint = schrijf de naam van het thema, bijvoorbeeld Versterken van taal

## Front matter en sleutels

fm-ontbreekt = het bestand begint niet met front matter (een regel met alleen `---`)
fm-niet-gesloten = de front matter die op regel 1 begint, wordt nergens gesloten
fm-hint = begin het bestand met een regel `---`, dan `titel: …` en de andere sleutels, en dan weer een regel `---`
fm-geen-sleutels = de front matter moet bestaan uit regels `sleutel: waarde`
fm-geen-sleutels-hint = zet elke sleutel op een eigen regel, bijvoorbeeld `titel: Huiswerkklas`
sleutel-verplicht = de sleutel '{ $key }' is verplicht
sleutel-verplicht-hint = voeg een regel `{ $key }: …` toe
sleutel-onbekend = onbekende sleutel '{ $key }'
bedoelt-u = bedoelt u '{ $word }'?
sleutels-hier = sleutels die hier mogen: { $keys }
woord-mag-niet = '{ $word }' mag hier niet
kies-uit = kies uit: { $words }
verwacht-gevonden = hier hoort { $expected }, maar er staat { $found }
hier-hoort = hier hoort { $what }
hier-lijst = hier hoort een lijst
hier-sleutels = hier horen sleutels met waarden
hier-sleutels-hint = schrijf regels `sleutel: waarde`, ingesprongen onder deze sleutel
hier-een-waarde = hier hoort één waarde, geen lijst en geen sleutels
hier-een-waarde-hint = schrijf één waarde na de dubbele punt, op dezelfde regel
hier-tekst-niets = hier hoort tekst, maar er staat niets
hier-tekst-niets-hint = schrijf de tekst na de dubbele punt, of haal de regel weg
hier-een-woord = hier hoort één woord
sleutel-dubbel = de sleutel '{ $key }' staat er twee keer
sleutel-dubbel-onbekend = een sleutel staat er twee keer
sleutel-dubbel-hint = houd een van de twee regels
yaml-aliassen-te-groot = de YAML-aliassen (`*naam`) worden groter dan gka toestaat
yaml-aliassen-te-groot-hint = schrijf de waarden uit, in plaats van ankers (`*naam`) te herhalen
yaml-controleer = controleer de YAML: elke regel is `sleutel: waarde`; zet tekst met een `:` of `#` tussen rechte aanhalingstekens (")
schrijf-lijst = schrijf een lijst: elke waarde op een eigen regel met `- ` ervoor, onder de sleutel
schrijf-tekst = schrijf tekst; zet hem tussen rechte aanhalingstekens (") als hij met een bijzonder teken begint
schrijf-getal = schrijf een heel getal, zonder aanhalingstekens
schrijf-jn = schrijf true (ja) of false (nee)
soort-lijst = een lijst
soort-tekst = een tekst
soort-sleutels = sleutels met waarden
soort-jn = true of false
soort-heel-getal = een heel getal
soort-getal = een getal
soort-getal-positief = een heel getal, 0 of meer
soort-getal-tot = een heel getal van 0 tot en met { $max }
soort-niets = niets

## Verwijzingen

thema-onbekend = onbekend thema '{ $thema }'
thema-onbekend-regel = een thema moet precies zo geschreven zijn als in `themas` in content/agenda.md
thema-geen-agenda = thema's komen uit content/agenda.md, maar dat bestand is er niet
interventie-onbekend = onbekende interventie '{ $slug }'
interventie-onbekend-regel = noem een interventie bij haar slug: de bestandsnaam in content/interventies/ zonder .md

## Bestanden en mappen

kan-niet-lezen = kan niet lezen: { $reason }
link-buiten-site = deze snelkoppeling (symbolische link) wijst naar een plek buiten de site: { $target }
link-buiten-site-hint = kopieer het bestand in de site, in plaats van ernaar te linken
link-naar-map = snelkoppelingen (symbolische links) naar mappen worden niet gevolgd
link-naar-map-hint = verplaats of kopieer de bestanden van die map naar hier
link-kapot = kapotte snelkoppeling (symbolische link): { $reason }
bestandsnaam = de bestandsnaam { $problem }
bestandsnaam-hint = geef het bestand een naam met letters, cijfers, streepjes en punten
naam-buiten-content = ligt buiten content/
naam-geen-utf8 = is geen geldige UTF-8-tekst
naam-vreemd-teken = bevat een onzichtbaar teken of een backslash (\)
niet-gepubliceerd = dit bestand is geen Markdown en staat niet in content/static/, dus het komt niet op de site
niet-gepubliceerd-hint = zet afbeeldingen, pdf's en andere bestanden in content/static/
geen-content = er is geen map content
geen-content-hint = start gka in de map van de site, of geef --root mee; gezocht in { $root }
geen-site-yaml = content/site.yaml ontbreekt
geen-site-yaml-hint = maak het bestand, met minstens `gemeente: <naam>` en `base_url: https://…/`
bestand-te-groot = het bestand is { $size } bytes; gka leest bestanden tot { $max } bytes
bestand-te-groot-hint = grote bestanden zoals video's horen op een videoplatform, niet in de site
geen-utf8 = het bestand is geen geldige UTF-8-tekst
geen-utf8-hint = sla het bestand in uw editor op als UTF-8
fm-te-groot = de front matter is { $size } bytes; gka leest tot { $max } bytes
fm-te-groot-hint = zet lange teksten niet in de front matter, maar in de tekst onder de tweede regel `---`

## Voortgang

stap-lezen = Inhoud lezen
stap-maken = Pagina's maken
stap-schrijven = Open data en vaste bestanden schrijven
stap-zoekindex = Zoekindex maken

## De tekst (Markdown)

te-diep = de tekst zet lijsten, citaten, nadruk en HTML meer dan { $max } lagen diep in elkaar
te-diep-hint = zet de delen minder diep in elkaar, en sluit de HTML-elementen die u opent (</div>)
kop-niveau-1 = een kop van niveau 1 (#) in de tekst
kop-niveau-1-hint = de titel is de enige kop van niveau 1 op de pagina: begin met ##
kop-overgeslagen = een kop van niveau { $level } volgt op een kop van niveau { $last }
kop-overgeslagen-hint = gebruik hier { $hashes }, of voeg het niveau ertussen toe
linktekst-vaag = de linktekst '{ $text }' zegt niet waar de link heen gaat
linktekst-adres = de linktekst is alleen het adres { $text }
linktekst-vaag-hint = schrijf een linktekst die zegt waar de link heen gaat, bijvoorbeeld [Lees meer over de huiswerkklas](…)
afbeelding-zonder-alt = de afbeelding '{ $image }' heeft geen alt-tekst
afbeelding-zonder-alt-hint = beschrijf tussen de haken wat er op de afbeelding staat: ![wat de afbeelding laat zien](…); is het alleen versiering, schrijf dan ![](… "decoratief")

## De site als geheel

geen-startpagina = de startpagina content/index.md ontbreekt
geen-startpagina-hint = maak het bestand, met een `titel` en een inleiding
anker-onbekend = '#{ $fragment }' is geen kop op { $page }
anker-geen-koppen = die pagina heeft geen koppen; link naar de pagina zonder '#…'
anker-koppen = koppen op die pagina: { $ids }
verklaring-geen-onderzoek = de toegankelijkheidsverklaring zegt niet hoe de site is onderzocht
verklaring-geen-onderzoek-hint = voeg `onderzoeken:` toe, met minstens één onderzoek: `door` (wie of wat onderzocht) en `wanneer`
verklaring-geen-contact = de toegankelijkheidsverklaring zegt niet waar iemand een probleem kan melden
verklaring-geen-contact-hint = voeg `contact:` toe met `email`, `telefoon` of `pagina` (bijvoorbeeld /contact/), of zet een e-mailadres of telefoonnummer onder `contact` in site.yaml
thema-zelfde-adres = het thema '{ $thema }' krijgt hetzelfde adres als '{ $other }' (/themas/{ $slug }/)
thema-zelfde-adres-hint = geef elk thema een eigen naam
interventie-concept = de interventie '{ $slug }' is een concept en staat daarom niet in de lijst
interventie-concept-hint = maak de site met --drafts om haar mee te nemen, of haal `concept: true` bij haar weg
nieuws-zonder-datum = een nieuwsbericht heeft een `datum` nodig
nieuws-zonder-datum-hint = voeg `datum: JJJJ-MM-DD` toe: de dag van publicatie, of de dag van het evenement
nummer-dubbel = programmalijn { $nummer } is ook het nummer van { $other }
nummer-dubbel-hint = geef elke programmalijn een eigen `nummer`
erkenning-niveau = de databank '{ $databank }' kent het niveau '{ $niveau }' niet toe
erkenning-niveau-hint = niveaus van { $databank }: { $niveaus }

## Instellingen (content/site.yaml)

adres-vlag = '{ $url }' { $problem }
adres-vlag-hint = geef een volledig adres, zoals https://gka.gemeente.nl/
base-url-fout = base_url '{ $url }' { $problem }
base-url-fout-hint = schrijf het volledige adres waarop de site komt te staan, bijvoorbeeld https://gka.gemeente.nl/
base-url-ontbreekt = base_url ontbreekt
base-url-ontbreekt-hint = voeg `base_url: https://…/` toe met het adres waarop de site komt te staan, of geef --base-url mee
adres-ongeldig = is geen geldig adres
adres-geen-https = moet beginnen met https:// of http://
adres-vraagteken = mag geen ? of # bevatten
css-niet-van-site = het stijlblad '{ $path }' van de huisstijl is geen bestand van deze site
css-niet-van-site-hint = zet het stijlblad in content/static/ en schrijf het pad, bijvoorbeeld /static/huisstijl.css: de site laadt niets van andere sites
css-geen-stijlblad = '{ $path }' is geen stijlblad (.css)
css-geen-stijlblad-hint = noem een .css-bestand, bijvoorbeeld /static/huisstijl.css
css-klasse = '{ $class }' kan geen CSS-klasse zijn
css-klasse-hint = gebruik letters, cijfers, '-' en '_', niet beginnend met een cijfer, bijvoorbeeld voorbeeld-theme; scheid er meer met spaties
geen-https-adres = { $key } '{ $text }' is geen https://-adres
geen-https-adres-hint = schrijf het volledige adres, beginnend met https://
beveiliging-contact = het beveiligingscontact '{ $text }' is geen mailto:-, https://- of tel:-adres
beveiliging-contact-hint = schrijf bijvoorbeeld mailto:security@gemeente.nl of https://gemeente.nl/kwetsbaarheid-melden
beveiliging-geen-contact = bij beveiliging staat geen contact
beveiliging-geen-contact-hint = voeg `contact: mailto:…` toe met het adres voor meldingen over beveiliging
beveiliging-verlopen = security.txt is verlopen op { $date }
beveiliging-verlopen-hint = zet `verloopt` op een latere datum, minder dan een jaar vooruit, of laat het weg: dan geldt steeds 364 dagen na het maken van de site
beveiliging-lang = security.txt geldt tot { $date }, meer dan een jaar vooruit
beveiliging-lang-hint = RFC 9116 vraagt om minder dan een jaar, zodat oude contactgegevens vanzelf vervallen

## Links (zo: "de link naar '/x/' past bij geen pagina …")

link-naar = de link naar
link-afbeelding = de afbeelding
link-leeg = is leeg
link-leeg-hint = zet het adres tussen de haakjes: [tekst](/pagina/)
link-schema = gebruikt '{ $scheme }:', en dat mag niet
link-schema-hint = link naar https://-, mailto:- of tel:-adressen, of naar een pagina van deze site
link-buiten = gaat buiten de site
link-buiten-content = gaat buiten de map content
link-puntjes-hint = haal de delen met '..' weg
link-md-onbekend = wijst naar content/{ $file }, maar dat bestand bestaat niet of is een concept
link-md-onbekend-hint = controleer de bestandsnaam; het pad gaat uit van de map van dit bestand
link-concept = wijst naar een concept dat niet op de site komt ({ $path })
link-concept-hint = publiceer die pagina eerst (haal `concept: true` weg), of maak de site met --drafts om te kijken
link-onbekend = past bij geen pagina of bestand van de site ({ $path })
link-onbekend-hint = controleer het adres: pagina's eindigen op '/', bestanden staan in content/static/ en u linkt ernaar als /static/<naam>
naam-zonder-letters = de naam van het bestand of van een map heeft geen letters of cijfers, dus het adres { $url } heeft een leeg deel
naam-zonder-letters-hint = geef het bestand en de mappen namen met letters of cijfers
taalcode = '{ $text }' is geen taalcode: schrijf er een zoals nl, fy of en
startpagina-concept = de startpagina content/index.md is een concept (`concept: true`), maar een site heeft een startpagina nodig
startpagina-concept-hint = haal `concept: true` weg, of maak de site met --drafts om te zien hoe hij wordt
