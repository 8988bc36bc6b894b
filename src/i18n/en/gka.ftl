# What gka says, in English (asked for with --lang en or GKA_LANG=en). Every text is also in
# ../nl/gka.ftl, with the same { $names }.

## How a command ended

klaar-gebouwd = Built { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    }) into { $folder } in { $seconds } s
klaar-gecontroleerd = Checked { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }
decimaalteken = .
mislukt = Failed: { $summary }. Nothing was written.
fout = error: { $message }
samenvatting = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
nieuw-gemaakt = Created a site for { $gemeente } in { $folder } ({ $files } files, theme themes/{ $theme }/).
    Next: gka check --strict --root { $folder } lists the texts still to write (TODO:).
schemas-geschreven = Wrote { $count } schemas into { $folder }
geschreven = Wrote { $file }
kan-niet-schrijven = error: cannot write { $file }: { $reason }
onbekende-taal = unknown language '{ $code }' in { $source }: choose nl or en

## Help on the commands (gka --help)

help-gebruik = Usage:
help-opdrachten = Commands
help-opdracht = COMMAND
help-opties = Options
help-argumenten = Arguments
help-gka = Build the website of a gemeente's Gelijke Kansen Alliantie (GKA) work from Markdown.
help-gka-flags =
    gka build [-r DIR] [-o DIR] [-u URL] [--drafts] [--no-search] [--strict] [--todos] [--format F]
    gka check [-r DIR] [-u URL] [--drafts] [--no-search] [--strict] [--todos] [--format F]
    gka serve [-r DIR] [--interface 127.0.0.1] [-p 1111] [-u URL] [-O] [--output DIR] [--drafts] [--no-search] [--todos]
    gka new <FOLDER> --gemeente NAME [--thema gka]
    gka schema [-o schemas] [--cms frontmatter|decap [--repo OWNER/NAME] [--backend B] [--branch BRANCH]]
    gka completions bash|zsh|fish|powershell|elvish
    gka copy-theme [THEME] [-r DIR] [--force]
    gka uitleg [CODE]
    gka bronnen [-r DIR] [--timeout 60] [--strict]
      -r, --root DIR        the site's folder, holding content/ and themes/ (default: .)
      -o, --output DIR      where to write the site (default: public/ in the site's folder)
      -u, --base-url URL    the address the site is published at, overriding content/site.yaml
      --drafts              also publish documents marked `concept: true`
      --no-search           leave out the search page and its index (build, check and serve)
      --strict              fail on warnings too
      --todos               show each placeholder text marked TODO: in full, not one line per file
      --format F            human, json, github or gitlab (default: human; github on GitHub Actions)
      --interface IP        serve on this address (default: 127.0.0.1, this computer only)
      -p, --port N          serve on this port (default: 1111; 0 picks a free one)
      -O, --open            open the site in the browser once it is built
      --lang LANG           nl (the default) or en; also GKA_LANG=en

    Exit codes: 0 success, 1 errors in content or templates, 2 usage or file errors.
    Every problem has a code such as GKA-E007; gka uitleg GKA-E007 explains it.
help-build = Build the site from content/ and themes/ into the output folder.
help-build-long = Build the site from content/ and themes/ into the output folder.

    The previous output is replaced only when the whole build succeeded; on any error nothing is written and the exit code is 1.
help-check = Check the site for errors without writing anything.
help-check-long = Check the site for errors without writing anything.

    Runs every check of gka build: front matter, cross-references, links and templates. Exit code 0 when there are no errors, 1 when there are (or warnings, with --strict).
help-serve = Build the site, serve it on this computer and rebuild it on every change.
help-serve-long = Build the site, serve it on this computer and rebuild it on every change.

    Open pages reload after each rebuild. When an edit breaks the site, the last good build stays on line and every page shows the errors until they are fixed.
help-new = Create a complete, valid site for a gemeente in a new folder.
help-new-long = Create a complete, valid site for a gemeente in a new folder.

    Writes one example of every content type, an agenda with placeholder themes, the gemeente's own theme (extending gka) and the publish pipelines. Texts still to write are marked `TODO:`; gka check --strict lists them. Refuses a folder that is not empty.
help-completions = Print the completions of gka's commands and flags for a shell.
help-completions-long = Print the completions of gka's commands and flags for a shell.

    Load them in the shell's start-up file, e.g. `source <(gka completions bash)` in ~/.bashrc; the descriptions are in the language gka speaks.
help-completions-shell = The shell: bash, zsh, fish, powershell or elvish
help-schema = Write JSON Schemas of content/site.yaml and of every content type's front matter.
help-schema-long = Write JSON Schemas of content/site.yaml and of every content type's front matter.

    One <type>.schema.json per content type, for editors' completion and validation. With --cms, the forms of Front Matter CMS (frontmatter.json) or Decap/Sveltia CMS (config.yml), read off the same schemas.
help-arg-help = Print help
help-arg-version = Print version
help-arg-lang = The language gka speaks: nl (the default) or en; also GKA_LANG
help-arg-root = The site's folder: the one holding content/ and themes/ [default: the current folder]
help-arg-base-url = The address the site will be published at, overriding base_url in content/site.yaml
help-arg-drafts = Also publish documents marked `concept: true` (drafts)
help-arg-no-search = Leave out the search page (/zoeken/) and its index (/pagefind/)
help-arg-strict = Treat warnings as errors
help-arg-format = How to print problems: human, json, github or gitlab [default: github when GITHUB_ACTIONS=true, else human]
help-build-output = Where to write the site [default: public/ in the site's folder]
help-serve-interface = The address to listen on [default: 127.0.0.1, this computer only]. Anything but a loopback address shares the site with the network, and prints a warning
help-serve-port = The port to listen on [default: 1111]; 0 lets the system pick a free one
help-serve-open = Open the site in the default browser once it is built
help-serve-output = Where to keep the preview's files, updated in place on every change (default: a temporary folder, removed when the server stops). Must be empty or gka's own output
help-serve-no-search = Leave out the search page and its index: faster rebuilds of large sites (indexing takes about 2 s per 1 000 pages)
help-new-folder = The folder to create; it must not exist yet, or be empty
help-new-gemeente = The gemeente's name as it is written, e.g. "Zwolle" or "'s-Hertogenbosch"
help-new-thema = The theme the gemeente's own theme extends [default: gka]
help-schema-output = Where to write: the folder for the JSON Schemas [default: schemas], or with --cms the file [default: frontmatter.json, or content/static/admin/config.yml for decap]
help-schema-cms = Write the configuration of a form-based editor (frontmatter or decap) instead of the JSON Schemas
help-schema-repo = With --cms decap: the repository the web editor commits to, as owner/name. Without it the editor works only on this computer (npx decap-server)
help-schema-backend = With --cms decap and --repo: where the repository is, github or gitlab [default: github]
help-schema-branch = With --cms decap: the branch the web editor commits to [default: main]
help-schema-app-id = With --backend gitlab: the Application ID of the site's GitLab application, so editors log in with GitLab itself (PKCE), without a server of their own

## Names of values in the help

waarde-dir = DIR
waarde-url = URL
waarde-format = FORMAT
waarde-folder = FOLDER
waarde-naam = NAME
waarde-thema = THEME
waarde-path = PATH
waarde-owner-name = OWNER/NAME
waarde-branch = BRANCH
waarde-taal = LANG
waarde-n = N
waarde-ip = IP
waarde-cms = CMS

## Mistakes in YAML (front matter and content/site.yaml)

yaml-tab = this line starts with a tab; YAML indents with spaces only
yaml-tab-hint = use spaces instead of the tab: `{ $line }`
yaml-rare-spatie = this looks like a space but is not one ({ $code }, e.g. a non-breaking space from Word)
yaml-rare-spatie-hint = type the space again: `{ $line }`
yaml-krulquotes = the text is between curly quotes (“ ”) and has a colon in it; YAML only knows straight quotes (")
yaml-dubbele-punt = the text of `{ $key }` has a colon followed by a space, so YAML takes it for a new key
yaml-quotes-hint = put the text between straight quotes: `{ $line }`

## Values

datum-vorm = '{ $text }' is not a valid date: write it as YYYY-MM-DD, e.g. 2021-03-24
datum-maand = '{ $text }' is not a valid date: there is no month { $month }; months are 01 to 12
datum-dag = '{ $text }' does not exist: { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has { $days } days
evenement-zonder-locatie = an event without `locatie`: where is it?
evenement-zonder-locatie-hint = add a line such as `locatie: Library, Stationsplein 1` or `locatie: Online`

## Addresses and aliases

slug-ongeldig = slug '{ $slug }' cannot be used in a URL
slug-ongeldig-hint = use lower-case letters, digits and dashes, e.g. '{ $example }'
adres-gereserveerd = the URL { $url } is reserved for pages gka makes itself ({ $reserved })
adres-gereserveerd-hint = rename the file or set another `slug`
adres-bezet = the URL { $url } is also used by { $other }
adres-bezet-hint = give one of the two documents another file name or `slug`
alias-ongeldig-hint = write an old address of this page on this site, e.g. /oud/adres/
alias-volledig-adres = alias '{ $alias }' must be a path on this site, not a full address
alias-andere-site = alias '{ $alias }' starts with //, which makes it an address on another site
alias-vreemd-deel = alias '{ $alias }' contains '..', '.', a backslash or a control character
alias-leeg = alias '{ $alias }' is empty
alias-verbergt = alias { $alias } would hide the page of { $page }
alias-van-gka = alias { $alias } is a path gka uses itself
alias-dubbel = alias { $alias } is also claimed by { $other }
alias-conflict-hint = remove the alias or pick another old address
uitvoer-botsing = { $first } and { $second } would both be written to /{ $file }
uitvoer-botsing-hint = give one of them another address: rename the file, or change its `slug` or alias
claim-pagina = the page of { $file }
claim-startpagina = the home page of { $file }
claim-lijst = the list page of { $file }
claim-lijst-gka = the list page { $url }
claim-agenda = the agenda
claim-verklaring = the accessibility statement
claim-overzicht = the overview page { $url }
claim-term = the page of '{ $name }' ({ $url })
claim-alias = the alias { $alias } in { $file }
claim-kalender = the calendar file of { $file }
claim-security = security.txt (`beveiliging` in content/site.yaml)
claim-404 = the page for addresses that do not exist
claim-robots = robots.txt
claim-feed = the news feed
claim-zoeken = the search page
claim-sitemap = the sitemap
claim-merkteken = gka's mark on its output folder
claim-open-data = the open data
claim-zoekindex = the search index
claim-bestand = the file { $file }

## Invisible characters and empty texts

stuurteken = { $count ->
        [one] the text contains an invisible control character ({ $code })
       *[other] the text contains { $count } invisible control characters, the first here ({ $code })
    }
stuurteken-hint = remove it: it often comes along with text copied from Word or a PDF; type the words around it again
stuurteken-escape = this text makes an invisible control character ({ $code })
stuurteken-escape-hint = remove the escape with a backslash (such as \f or \x0c) from the text
tekst-leeg = this text is empty: write what it should say, between the quotes
thema-leeg = theme '{ $thema }' has no letters or digits, so it has no name or address
thema-leeg-hint = write the theme's name, e.g. Versterken van taal

## Front matter and keys

fm-ontbreekt = the file does not start with front matter (a line with only `---`)
fm-niet-gesloten = the front matter that starts on line 1 is never closed
fm-hint = start the file with a line `---`, then `titel: …` and other keys, then a closing line `---`
fm-geen-sleutels = the front matter must be a list of `key: value` lines
fm-geen-sleutels-hint = write each key on its own line, e.g. `titel: Huiswerkklas`
sleutel-verplicht = the key '{ $key }' is required
sleutel-verplicht-hint = add a line `{ $key }: …`
sleutel-onbekend = unknown key '{ $key }'
bedoelt-u = did you mean '{ $word }'?
sleutels-hier = keys allowed here: { $keys }
woord-mag-niet = '{ $word }' is not allowed here
kies-uit = use one of: { $words }
verwacht-gevonden = expected { $expected }, found { $found }
hier-hoort = expected { $what } here
hier-lijst = expected a list here
hier-sleutels = expected keys with values here
hier-sleutels-hint = write `key: value` lines, indented under this key
hier-een-waarde = expected a single value here, not a list or keys
hier-een-waarde-hint = write one value after the colon, on the same line
hier-tekst-niets = expected text here, found nothing
hier-tekst-niets-hint = write the text after the colon, or remove the line
hier-een-woord = expected a single word here
sleutel-dubbel = the key '{ $key }' appears twice
sleutel-dubbel-onbekend = a key appears twice
sleutel-dubbel-hint = keep one of the two lines
yaml-aliassen-te-groot = YAML aliases (`*name`) expand to more than gka accepts
yaml-aliassen-te-groot-hint = write the values out instead of repeating anchors (`*name`)
yaml-controleer = check the YAML: each line is `key: value`; put text with a `:` or `#` between straight double quotes (")
schrijf-lijst = write a list: one `- item` per line under the key
schrijf-tekst = write text; put it between straight double quotes (") if it starts with a special character
schrijf-getal = write a whole number without quotes
schrijf-jn = write true or false
soort-lijst = a list
soort-tekst = a text
soort-sleutels = keys with values
soort-jn = true or false
soort-heel-getal = a whole number
soort-getal = a number
soort-getal-positief = a whole number, 0 or more
soort-getal-tot = a whole number from 0 to { $max }
soort-niets = nothing

## References

thema-onbekend = unknown theme '{ $thema }'
thema-onbekend-regel = themes must be one of the `themas` in content/agenda.md
thema-geen-agenda = themes come from content/agenda.md, which is missing
interventie-onbekend = unknown interventie '{ $slug }'
interventie-onbekend-regel = name an interventie by its slug: its file name in content/interventies/ without .md

## Files and folders

kan-niet-lezen = cannot read: { $reason }
link-buiten-site = this symbolic link points outside the site, to { $target }
link-buiten-site-hint = copy the file into the site instead of linking to it
link-naar-map = symbolic links to folders are not followed
link-naar-map-hint = move or copy the folder's files here
link-kapot = broken symbolic link: { $reason }
bestandsnaam = the file name { $problem }
bestandsnaam-hint = rename the file using letters, digits, dashes and dots
naam-buiten-content = is outside content/
naam-geen-utf8 = is not valid UTF-8
naam-vreemd-teken = contains a control character or a backslash
niet-gepubliceerd = this file is not Markdown and not in content/static/, so it is not published
niet-gepubliceerd-hint = move images, PDFs and other files to content/static/
geen-content = there is no content folder
geen-content-hint = run gka in the site's folder or pass --root; looked in { $root }
geen-site-yaml = content/site.yaml is missing
geen-site-yaml-hint = create it with at least `gemeente: <name>` and `base_url: https://…/`
bestand-te-groot = the file is { $size } bytes; gka reads files up to { $max } bytes
bestand-te-groot-hint = large files such as videos belong on a video platform, not in the site
geen-utf8 = the file is not valid UTF-8 text
geen-utf8-hint = save the file as UTF-8 in your editor
fm-te-groot = the front matter is { $size } bytes; gka reads up to { $max } bytes
fm-te-groot-hint = move long texts from the front matter into the body below the closing `---`

## Progress

stap-lezen = Reading content
stap-maken = Rendering
stap-schrijven = Writing open data and static files
stap-zoekindex = Making the search index

## The text (Markdown)

te-diep = the text nests lists, quotes, emphasis and HTML elements more than { $max } levels deep
te-diep-hint = nest less deeply, and close the HTML elements you open (</div>)
kop-niveau-1 = a level-1 heading (#) in the text
kop-niveau-1-hint = the title is the page's only level-1 heading: start with ## instead
kop-overgeslagen = a level-{ $level } heading follows a level-{ $last } heading
kop-overgeslagen-hint = use { $hashes } here, or add the level in between
linktekst-vaag = the link text '{ $text }' does not say where the link goes
linktekst-adres = the link text is only the address { $text }
linktekst-vaag-hint = write link text that says where the link goes, e.g. [Read more about the homework club](…)
afbeelding-zonder-alt = image '{ $image }' has no alt text
afbeelding-zonder-alt-hint = describe the image between the brackets: ![what the image shows](…); if it is only decoration, write ![](… "decoratief")

## The site as a whole

geen-startpagina = the home page content/index.md is missing
geen-startpagina-hint = create it with a `titel` and an introduction
anker-onbekend = '#{ $fragment }' is not a heading on { $page }
anker-geen-koppen = that page has no headings; link to the page without '#…'
anker-koppen = headings on that page: { $ids }
verklaring-geen-onderzoek = the accessibility statement does not say how the site was tested
verklaring-geen-onderzoek-hint = add `onderzoeken:` with at least one item: `door` (who or what tested) and `wanneer`
verklaring-geen-contact = the accessibility statement gives no way to report a problem
verklaring-geen-contact-hint = add `contact:` with `email`, `telefoon` or `pagina` (e.g. /contact/), or an email or phone number under `contact` in site.yaml
thema-zelfde-adres = theme '{ $thema }' has the same URL as '{ $other }' (/themas/{ $slug }/)
thema-zelfde-adres-hint = each theme needs its own wording
interventie-concept = interventie '{ $slug }' is a draft and is left out of the list
interventie-concept-hint = build with --drafts to include it, or remove `concept: true` from it
nieuws-zonder-datum = a news item needs a `datum`
nieuws-zonder-datum-hint = add `datum: YYYY-MM-DD`, the publication date or the date of the event
nummer-dubbel = programmalijn number { $nummer } is also used by { $other }
nummer-dubbel-hint = give each programmalijn its own `nummer`
erkenning-niveau = databank '{ $databank }' does not award the level '{ $niveau }'
erkenning-niveau-hint = levels of { $databank }: { $niveaus }

## Settings (content/site.yaml)

adres-vlag = '{ $url }' { $problem }
adres-vlag-hint = pass a full address such as https://gka.example.nl/
base-url-fout = base_url '{ $url }' { $problem }
base-url-fout-hint = write the full address the site is published at, e.g. https://gka.example.nl/
base-url-ontbreekt = base_url is missing
base-url-ontbreekt-hint = add `base_url: https://…/` with the address the site is published at, or pass --base-url
adres-ongeldig = is not a valid address
adres-geen-https = must start with https:// or http://
adres-vraagteken = may not contain ? or #
css-niet-van-site = huisstijl css '{ $path }' is not a file of this site
css-niet-van-site-hint = put the stylesheet in content/static/ and write its path, e.g. /static/huisstijl.css: the site loads nothing from other sites
css-geen-stijlblad = huisstijl css '{ $path }' is not a stylesheet
css-geen-stijlblad-hint = name a .css file, e.g. /static/huisstijl.css
css-klasse = huisstijl klasse '{ $class }' is not a CSS class name
css-klasse-hint = use letters, digits, '-' and '_', not starting with a digit, e.g. voorbeeld-theme; separate several with spaces
geen-https-adres = { $key } '{ $text }' is not an https:// address
geen-https-adres-hint = write the full address, starting with https://
beveiliging-contact = security contact '{ $text }' is not a mailto:, https:// or tel: address
beveiliging-contact-hint = write e.g. mailto:security@gemeente.example or https://gemeente.example/kwetsbaarheid-melden
beveiliging-geen-contact = beveiliging has no contact
beveiliging-geen-contact-hint = add `contact: mailto:…` with the address for security reports
beveiliging-verlopen = security.txt expired on { $date }
beveiliging-verlopen-hint = set `verloopt` to a later date, less than a year ahead, or leave it out to use a date 364 days after each build
beveiliging-lang = security.txt is valid until { $date }, more than a year ahead
beveiliging-lang-hint = RFC 9116 asks for less than a year, so that stale contact details expire

## Links (as in "link to '/x/' does not match any page …")

link-naar = link to
link-afbeelding = image
link-leeg = is empty
link-leeg-hint = put the address between the parentheses: [text](/page/)
link-schema = uses '{ $scheme }:', which is not allowed
link-schema-hint = link to https://, mailto: or tel: addresses, or to a page of this site
link-buiten = leaves the site
link-buiten-content = leaves the content folder
link-puntjes-hint = remove the '..' parts
link-md-onbekend = points to content/{ $file }, which does not exist or is a draft
link-md-onbekend-hint = check the file name; paths are relative to this file
link-concept = points to a draft that is left out of this build ({ $path })
link-concept-hint = publish that page first (remove `concept: true`), or build with --drafts to preview
link-onbekend = does not match any page or file of the site ({ $path })
link-onbekend-hint = check the address; pages end with a '/', files live in content/static/ and are linked as /static/<name>
naam-zonder-letters = the file's name or a folder's has no letters or digits, so its URL { $url } has an empty part
naam-zonder-letters-hint = give the file and its folders names with letters or digits
taalcode = '{ $text }' is not a language code: write one such as nl, fy or en
startpagina-concept = the home page content/index.md is a draft (`concept: true`), and a site needs one
startpagina-concept-hint = remove `concept: true`, or build with --drafts to see the site as it would be
