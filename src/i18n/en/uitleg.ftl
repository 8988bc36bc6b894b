# gka uitleg: the explanation of a code, and where a report points to it; and the warning at a
# link to a large file. Every text is also in ../nl/uitleg.ftl, with the same { $names }.

help-uitleg = Explain a code such as GKA-E007: what the message means and what to do about it.
help-uitleg-long = Explain a code such as GKA-E007: what the message means and what to do about it.

    Without a code, lists every code with a one-line summary. `gka uitleg sjablonen` shows the values templates can use. The explanations are inside gka and belong to this version.
help-uitleg-code = The code: GKA-E007, E007 or e7; or inhoud, thema, sjablonen or landelijk
uitleg-geen-code = '{ $word }' is not a gka code
uitleg-onbekende-code = gka has no code { $code }
uitleg-welke-code = '{ $word }' can be more than one code
uitleg-kies-code = did you mean { $codes }? Put E (error) or W (warning) before the number
uitleg-vorm = a code looks like GKA-E007 (an error) or GKA-W005 (a warning); E007 and e7 work too. Type `gka uitleg` for every code. Guides to a subject: { $guides }
uitleg-lijst = Every message of gka has a code. Type gka uitleg with the code for its explanation, e.g.: gka uitleg GKA-E007
uitleg-lijst-fouten = Errors (the build stops):
uitleg-lijst-waarschuwingen = Warnings (the build goes on, except with --strict):
uitleg-lijst-gidsen = More: gka uitleg inhoud (the keys of every content type, in Dutch), gka uitleg thema (the theme, the house style and the design tokens, in Dutch), gka uitleg sjablonen (the values templates can use) and gka uitleg landelijk (what a gemeente publishes for the national site, in Dutch).
# At the end of a report, once per run, with every code in it.
uitleg-meer = { $count ->
        [one] More explanation: gka uitleg { $first }
       *[other] More explanation of { $codes }: type gka uitleg with the code, e.g. gka uitleg { $first }
    }

## Links to large files (downloads: in site.yaml)

bestand-groot = points to a large file of { $size }; visitors see at the link that it is a large file
bestand-groot-hint = make the file smaller (save a PDF as a reduced-size PDF, for example, or scale the photo down) or split it into parts. Is it fine as it is? Then set a higher limit in content/site.yaml, e.g. `downloads: {"{"} waarschuwing_vanaf: 50 MB {"}"}` (now { $limit })
grootte-ongeldig = '{ $text }' is not a size
grootte-ongeldig-hint = write a number with kB, MB or GB, e.g. `waarschuwing_vanaf: 10 MB` or `waarschuwing_vanaf: 500 kB`
