# gka uitleg: de uitleg van een code, en waar een rapport naar die uitleg wijst; en de
# waarschuwing bij een link naar een groot bestand. Elke tekst staat ook in ../en/uitleg.ftl,
# met dezelfde { $namen }.

help-uitleg = Leg een code uit, zoals GKA-E007: wat de melding betekent en wat u eraan doet.
help-uitleg-long = Leg een code uit, zoals GKA-E007: wat de melding betekent en wat u eraan doet.

    Zonder code ziet u alle codes, elk met één regel uitleg. Met `gka uitleg sjablonen` ziet u de waarden die sjablonen kunnen gebruiken (in het Engels). De uitleg zit in gka zelf en hoort bij deze versie.
help-uitleg-code = De code: GKA-E007, E007 of e7; of inhoud, thema, sjablonen of landelijk
uitleg-geen-code = '{ $word }' is geen code van gka
uitleg-onbekende-code = gka heeft geen code { $code }
uitleg-welke-code = '{ $word }' kan meer dan één code zijn
uitleg-kies-code = bedoelt u { $codes }? Zet E (fout) of W (waarschuwing) voor het nummer
uitleg-vorm = een code ziet eruit als GKA-E007 (een fout) of GKA-W005 (een waarschuwing); E007 en e7 mag ook. Typ `gka uitleg` voor alle codes. Uitleg over een onderwerp: { $guides }
uitleg-lijst = Elke melding van gka heeft een code. Typ gka uitleg met de code voor de uitleg, bijvoorbeeld: gka uitleg GKA-E007
uitleg-lijst-fouten = Fouten (het bouwen stopt):
uitleg-lijst-waarschuwingen = Waarschuwingen (het bouwen gaat door, behalve met --strict):
uitleg-lijst-gidsen = Meer uitleg: gka uitleg inhoud (de sleutels van elk soort pagina), gka uitleg thema (het thema, de huisstijl en de design tokens), gka uitleg sjablonen (de waarden die sjablonen kunnen gebruiken, in het Engels) en gka uitleg landelijk (wat een gemeente publiceert voor de landelijke site).
# Aan het eind van een rapport, één keer per run, met elke code die erin voorkomt.
uitleg-meer = { $count ->
        [one] Meer uitleg: gka uitleg { $first }
       *[other] Meer uitleg over { $codes }: typ gka uitleg met de code, bijvoorbeeld gka uitleg { $first }
    }

## Links naar grote bestanden (downloads: in site.yaml)

bestand-groot = gaat naar een groot bestand van { $size }; bezoekers zien bij de link dat het een groot bestand is
bestand-groot-hint = maak het bestand kleiner (sla een pdf bijvoorbeeld op als kleiner bestand, of verklein de foto) of verdeel het in delen. Is het zo goed? Zet dan een hogere grens in content/site.yaml, bijvoorbeeld `downloads: {"{"} waarschuwing_vanaf: 50 MB {"}"}` (nu { $limit })
grootte-ongeldig = '{ $text }' is geen grootte
grootte-ongeldig-hint = schrijf een getal met kB, MB of GB, bijvoorbeeld `waarschuwing_vanaf: 10 MB` of `waarschuwing_vanaf: 500 kB`
