# De bronnen van een landelijke site: de gemeenten onder `bronnen` in site.yaml.
# gka bronnen haalt hun open data op; gka check en gka build lezen de kopieën.

help-bronnen = Haal de open data op van de gemeenten die een landelijke site toont.
help-bronnen-long = Haal de open data op van de gemeenten die een landelijke site toont.

    Voor elke gemeente onder `bronnen` in content/site.yaml met een `adres` haalt gka haar gka.json op en zet die in bronnen/<gemeente>/, om mee te committen. Een kopie wordt alleen vervangen door gegevens die kloppen; lukt het ophalen niet, dan blijft de vorige kopie en zegt gka waarom. Afsluitcode 0 ook dan; 1 alleen bij fouten in site.yaml (of bij waarschuwingen, met --strict).
help-bronnen-timeout = Hoeveel seconden gka per gemeente wacht [standaard: 60]
help-bronnen-strict = Stop met afsluitcode 1 als een bron niet is opgehaald of niet klopt

bron-dubbel = { $gemeente } staat twee keer onder bronnen (ook als { $earlier })
bron-dubbel-hint = noem elke gemeente één keer; haal de tweede weg
bron-geen-naam = deze bron heeft geen naam waar gka een map van kan maken
bron-geen-naam-hint = schrijf de naam van de gemeente met letters, bijvoorbeeld `gemeente: Almere`
bron-geen-site = { $folder } is geen map met een site: er staat geen map content/ in
bron-geen-site-hint = zet bij `map` de map met de site van de gemeente, vanaf de map van deze site (bijvoorbeeld gemeenten/almere); staat die site in een git-submodule, haal die dan op met `git submodule update --init`
bron-twee-plekken = { $gemeente } heeft zowel een adres als een map
bron-geen-plek = { $gemeente } heeft geen adres en geen map
bron-plek-hint = geef elke gemeente één van de twee: `adres: https://…/data/gka.json` (de open data op haar site) of `map:` (een map met haar site)
bron-geen-adres = '{ $address }' is geen webadres
bron-geen-https = '{ $address }' begint niet met https://
bron-adres-hint = gebruik het volledige adres van de open data van de gemeente, dat begint met https:// en eindigt op /data/gka.json

bron-nieuw = nieuw ({ $size })
bron-veranderd = veranderd ({ $size })
bron-onveranderd = niet veranderd
bron-lokaal = map in de repository
bron-mislukt-kopie = niet opgehaald; de kopie van { $date } blijft
bron-mislukt-geen-kopie = niet opgehaald; er is nog geen kopie
bronnen-klaar = { $total ->
        [one] 1 bron
       *[other] { $total } bronnen
    }: { $changed } nieuw of veranderd, { $failed } niet opgehaald

bron-niet-opgehaald = de open data van { $gemeente } ({ $address }) is niet opgehaald: { $reason }
bron-niet-opgehaald-hint = de landelijke site gebruikt de kopie van { $date }. Werkt het adres in een browser? Is het veranderd, zet dan het nieuwe adres in site.yaml; anders: probeer het later nog eens
bron-niet-opgehaald-hint-geen-kopie = er is nog geen kopie, dus de landelijke site toont deze gemeente nog niet. Werkt het adres in een browser? Anders: probeer het later nog eens
bron-ongeldig = de open data van { $gemeente } ({ $address }) klopt niet: { $reason }
bron-ongeldig-hint = de landelijke site gebruikt de kopie van { $date }. Laat de gemeente weten dat haar gka.json niet klopt; meestal helpt het als zij haar site bouwt met een nieuwe versie van gka
bron-ongeldig-hint-geen-kopie = er is nog geen kopie, dus de landelijke site toont deze gemeente nog niet. Laat de gemeente weten dat haar gka.json niet klopt; meestal helpt het als zij haar site bouwt met een nieuwe versie van gka
bron-kopie-ongeldig-hint = is het bestand met de hand veranderd, of opgehaald met een andere versie van gka? Haal het opnieuw op met `gka bronnen`
bron-nog-niet-opgehaald = de open data van { $gemeente } is nog niet opgehaald ({ $file } ontbreekt)
bron-nog-niet-opgehaald-hint = haal de open data op met `gka bronnen` en commit de map bronnen/

bron-http-status = de server antwoordt met foutcode { $status }
bron-te-groot = het bestand is groter dan { $size }
bron-te-traag = de server heeft niet binnen { $seconds } seconden geantwoord
bron-onbekende-server = de server bestaat niet (controleer de naam in het adres)
bron-geen-verbinding = de server is niet bereikbaar
bron-tls = de beveiligde verbinding lukt niet (het certificaat van de server klopt niet)
bron-omleiding = de server stuurt door naar een adres dat niet werkt
bron-overig = { $reason }
bron-niet-bewaard = de open data van { $gemeente } kan niet in { $folder } worden bewaard: { $reason }

bron-geen-json = het is geen JSON (regel { $line }, kolom { $column })
bron-geen-versie = het is geen open data van gka (er staat geen versie in)
bron-nieuwere-versie = het is open data van een nieuwere gka (versie { $version }); deze gka leest versie { $ours }. Gebruik een nieuwere gka
bron-oudere-versie = het is open data van een oudere gka (versie { $version }); deze gka leest versie { $ours }
bron-niet-leesbaar = gka kan het niet lezen: { $reason }
bron-schema-fout = bij { $at }: { $problem }
bron-schema-meer = { " " }en nog { $count } andere fouten

bron-site-fouten = de site van { $gemeente } in { $folder } heeft { $errors ->
        [one] een fout
       *[other] { $errors } fouten
    }; de landelijke site toont deze gemeente niet tot die zijn opgelost
bron-site-fouten-hint = `gka check --root { $folder }` toont ze
claim-gemeenten = het overzicht van de gemeenten onder bronnen ({ $url })
claim-gemeente = de pagina over { $gemeente } uit bronnen

waarde-seconds = SECONDEN

bron-schema-ontbreekt = '{ $key }' ontbreekt
bron-schema-soort = hoort { $expected } te zijn
bron-schema-waarde = { $value } is hier geen toegestane waarde
bron-schema-waarde-lang = deze waarde is hier niet toegestaan
bron-schema-anders = dit klopt niet met het schema van de open data
bron-soort-null = leeg (null)
bron-soort-boolean = ja of nee (true of false)
bron-soort-integer = een heel getal
bron-soort-number = een getal
bron-soort-string = tekst
bron-soort-array = een lijst
bron-soort-object = een groep sleutels met waarden
klaar-gemeenten = { $listed ->
        [one] { $shown } van de 1 gemeente staat op de site
       *[other] { $shown } van de { $listed } gemeenten staan op de site
    }{ $left ->
        [0] .
        [one] ; 1 is weggelaten, de waarschuwing hierboven zegt waarom.
       *[other] ; { $left } zijn weggelaten, de waarschuwingen hierboven zeggen waarom.
    }
