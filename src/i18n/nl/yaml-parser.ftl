# The YAML parser's own messages, said in the communicator's words (front_matter::in_words).

yaml-aanhalingsteken-open = het aanhalingsteken aan het begin van deze tekst wordt niet gesloten
yaml-aanhalingsteken-open-hint = zet aan het eind van de tekst hetzelfde aanhalingsteken, op dezelfde regel: `{ $line }`
yaml-aanhalingsteken-open-hint-kort = zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin, op dezelfde regel
yaml-blokhaak-open = de lijst die hier met `[` begint, wordt niet gesloten met `]`
yaml-blokhaak-open-hint = sluit de lijst met `]`: `{ $line }`; hoort de `[` bij de tekst, zet de tekst dan tussen rechte aanhalingstekens (")
yaml-blokhaak-open-hint-kort = sluit de lijst met `]` op dezelfde regel; hoort de `[` bij de tekst, zet de tekst dan tussen rechte aanhalingstekens (")
yaml-accolade = tekst die met `{"{"}` begint, leest YAML als een groep sleutels, en die wordt niet goed gesloten
yaml-accolade-hint = zet de tekst tussen rechte aanhalingstekens: `{ $line }`
yaml-accolade-hint-kort = zet de tekst tussen rechte aanhalingstekens (")
yaml-teken-begin = een tekst mag in YAML niet beginnen met '{ $character }'
yaml-teken-begin-hint = zet de tekst tussen rechte aanhalingstekens: `{ $line }`
yaml-teken-begin-hint-kort = zet de tekst tussen rechte aanhalingstekens (")
yaml-anker = een `*` aan het begin van een waarde verwijst in YAML naar een anker (`&naam`), en dat anker is er niet
yaml-anker-hint = hoort de `*` bij de tekst? Zet de tekst dan tussen rechte aanhalingstekens: `{ $line }`
yaml-anker-hint-kort = hoort de `*` bij de tekst? Zet de tekst dan tussen rechte aanhalingstekens (")
yaml-blok-tekst = na `|` of `>` begint de tekst pas op de volgende regel; achter het teken mag niets meer staan
yaml-blok-tekst-hint = zet de tekst op de regels eronder, iets ingesprongen, of haal de `|` of `>` weg
yaml-lijst-streepje = in deze lijst begint elke regel met `- `, en deze regel niet
yaml-lijst-streepje-hint = zet `- ` voor de regel, even ver ingesprongen als de andere regels van de lijst
yaml-sleutel-verwacht = hier verwachtte gka een nieuwe regel `sleutel: waarde`, of een regel die even ver inspringt als de regels erboven
yaml-backslash = tussen dubbele aanhalingstekens heeft een `\` in YAML een speciale betekenis, en deze kent YAML niet
yaml-backslash-hint = schrijf `\\` voor één `\`, of zet de tekst tussen enkele aanhalingstekens (')
yaml-stopt = de YAML houdt hier op voordat hij af is
yaml-onbekend = de YAML klopt hier niet (de YAML-lezer zegt: { $detail })
