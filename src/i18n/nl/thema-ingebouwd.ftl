# Het thema dat in gka zit: een site gebruikt het als hij geen eigen map van dat thema heeft.
# gka copy-theme zet een kopie in themes/ voor wie het thema zelf wil aanpassen.

thema-kopie-ouder = themes/{ $theme } is een kopie van het thema '{ $theme }' uit een andere versie van gka; verbeteringen van gka aan dat thema komen zo niet op uw site
thema-kopie-ouder-hint = hebt u niets aan het thema veranderd, haal dan de map themes/{ $theme } weg: gka gebruikt dan zijn eigen, nieuwste thema. Wilt u het thema zelf houden, zet de nieuwste versie erin met `gka copy-theme { $theme } --force` en zet uw aanpassingen terug
thema-ingebouwd-mislukt = kan het thema '{ $theme }' van gka niet klaarzetten: { $reason }
kopie-gemaakt = Het thema { $theme } staat nu in { $folder } ({ $files } bestanden). De site gebruikt deze kopie in plaats van het thema in gka; gka check zegt het als een nieuwere gka een nieuwer thema heeft.
kopie-bestaat = { $folder } bestaat al; gebruik --force om die map te vervangen door het thema van deze gka
kopie-onbekend = gka heeft geen thema '{ $theme }'; wel: { $available }
kopie-mislukt = kan het thema niet in { $folder } zetten: { $reason }
help-copy-theme = Zet een kopie van een thema van gka in themes/, om het zelf aan te passen.
help-copy-theme-long = Zet een kopie van een thema van gka in themes/, om het zelf aan te passen.

    Zonder eigen map gebruikt een site het thema dat in gka zit, en krijgt zo elke verbetering met een nieuwe gka. Met een kopie is het thema van de site zelf: gka check zegt het als een nieuwere gka een nieuwer thema heeft.
help-copy-theme-theme = Het thema om te kopiëren
help-copy-theme-force = Vervang een map van dat thema die er al is
sjabloon-ingebouwd-hint = dit sjabloon zit in gka zelf, niet in uw map themes/. Komt de fout door uw eigen sjablonen (in templates/ of uw thema), verbeter die; anders is het een fout in gka: meld het aan de makers. gka uitleg sjablonen noemt de waarden die sjablonen kunnen gebruiken
