# Thema's en sjablonen: een thema dat ontbreekt of in een kring voortbouwt, een stijlblad dat
# er niet is, en fouten in een sjabloon (de technische uitleg van Tera staat erachter).

thema-kring = de thema's bouwen in een kring op elkaar voort: { $themes }
thema-kring-hint = haal `extends` weg uit de theme.yaml van een van deze thema's
thema-bestaat-niet = er is geen thema '{ $theme }'
thema-ouder-bestaat-niet = het thema '{ $theme }' bouwt voort op '{ $parent }', maar dat thema is er niet
thema-bestaat-niet-hint = noem een map in themes/ met templates/ of theme.yaml erin; gevonden: { $found }
thema-stijlblad-ontbreekt = het stijlblad '{ $path }' staat niet in de map static/ van het thema
thema-stijlblad-ontbreekt-hint = schrijf het pad vanaf static/, bijvoorbeeld `css/{ $theme }.css` voor themes/{ $theme }/static/css/{ $theme }.css
thema-geen-sjablonen = het thema '{ $theme }' en de thema's waarop het voortbouwt, hebben geen sjablonen
thema-geen-sjablonen-hint = zet `thema` in content/site.yaml op een map in themes/, bijvoorbeeld `thema: gka`, of zet `extends: gka` in de theme.yaml van het thema
sjabloon-ontbreekt = het thema heeft geen sjabloon '{ $name }'
sjabloon-ontbreekt-hint = zet { $name } in { $folder } (gka uitleg sjablonen noemt elk sjabloon en zijn waarden), of laat het thema voortbouwen op gka met `extends: gka` in zijn theme.yaml
sjabloon-ontbreekt-zoeken-hint = { sjabloon-ontbreekt-hint }, of maak de site zonder zoekpagina: --no-search
sjabloon-schrijffout = dit sjabloon is niet goed geschreven: { $detail }
sjabloon-maakfout = dit sjabloon gaat mis bij het maken van een pagina: { $detail }
sjabloon-fout = er ging iets mis met de sjablonen: { $detail }
sjabloon-hint = verbeter het sjabloon op deze plek; gka uitleg sjablonen noemt de waarden die sjablonen kunnen gebruiken
