# De gewone fouten in YAML (front matter en site.yaml), in gewone woorden.

yaml-waarde-volgende-regel = de tekst van `{ $key }` staat op de regel eronder; YAML leest `{ $key }` dan als leeg, en deze regel als een sleutel zonder dubbele punt
yaml-waarde-volgende-regel-hint = zet de tekst op dezelfde regel als `{ $key }:`, achter de dubbele punt: `{ $line }`
yaml-inspringen-te-ver = deze regel springt verder in dan de regel erboven, maar hoort er niet onder; regels die bij elkaar horen, springen in YAML precies even ver in
yaml-inspringen-te-weinig = deze regel springt minder ver in dan de regels waar hij bij hoort; regels die bij elkaar horen, springen in YAML precies even ver in
yaml-inspringen-geplakt = dit lijstitem springt verder in dan het item erboven; YAML plakt het dan zonder melding achter de tekst van dat item
yaml-inspringen-hint = laat de regel even ver inspringen als de regels waar hij bij hoort: `{ $line }`
yaml-hekje = de tekst stopt bij `{ $kept }`: YAML leest een spatie met `#` erachter als het begin van een opmerking, en laat de rest van de regel weg
yaml-hekje-hint = hoort het hekje bij de tekst? Zet de tekst dan tussen rechte aanhalingstekens: `{ $line }`. Een opmerking zet u op een eigen regel.
schrijf-lijst-regel = schrijf een lijst tussen blokhaken: `{ $line }`, of zet elke waarde op een eigen regel onder de sleutel, met `- ` ervoor
sleutel-dubbel-regel = de sleutel '{ $key }' staat er twee keer: ook op regel { $line }
fm-begin-ontbreekt = de regel `---` boven de sleutels ontbreekt: het bestand begint meteen met een sleutel
fm-begin-ontbreekt-hint = zet boven `{ $line }` een regel met alleen `---`
fm-streep-anders = de eerste regel moet precies `---` zijn (drie gewone streepjes), maar is `{ $line }`
fm-streep-anders-hint = maak er `---` van; ook de regel onder de sleutels is precies `---`
fm-sluiten-ontbreekt = de front matter wordt niet gesloten: boven deze regel ontbreekt een regel met alleen `---`
fm-sluiten-ontbreekt-hint = zet een regel `---` onder regel { $number } (`{ $line }`), de laatste sleutel
fm-streep-te-veel = deze regel `---` sluit de front matter te vroeg: de sleutels eronder, vanaf `{ $key }`, worden nu gewone tekst
fm-streep-te-veel-hint = haal deze regel `---` weg; er staat alleen een regel `---` boven en onder alle sleutels
