# gka serve: de regels in het terminalvenster, het vak met fouten in de browser en de fouten
# waardoor de server niet start.

serve-adres = Bekijk de site op { $url }
serve-let-op = gka let op wijzigingen in { $folders }. Druk op Ctrl-C om te stoppen.
serve-gedeeld = waarschuwing: de site is te zien via { $interface }, dus niet alleen op deze computer. Iedereen die dit adres kan bereiken, kan de site lezen, ook de concepten. Laat --interface weg (dan is het 127.0.0.1), tenzij u de site wilt delen. Anderen openen de site met het IP-adres van deze computer: de server antwoordt op geen andere naam dan localhost.
serve-geen-browser = waarschuwing: kan de browser niet openen: { $reason }
serve-gewijzigd = Gewijzigd: { $files }
serve-wijzigingen-fout = waarschuwing: fout bij het letten op wijzigingen: { $reason }
serve-gestopt = Gestopt.
serve-gemaakt = { $pages ->
    [one] 1 pagina gemaakt in { $seconds } s
   *[other] { $pages } pagina's gemaakt in { $seconds } s
}
serve-opnieuw = { $rendered } van { $pages } pagina's opnieuw gemaakt in { $ms } ms ({ $read } bestanden gelezen, { $made } gemaakt, { $written } geschreven, { $removed } weggehaald)
serve-zoekindex = Zoekindex bijgewerkt in { $seconds } s
serve-mislukt = Niet gelukt: { $summary }. U ziet nog de vorige versie van de site.
serve-fout = fout: { $message }. U ziet nog de vorige versie van de site.
serve-maken-mislukt = het maken van de site is mislukt
serve-geen-verbinding = waarschuwing: kan een verbinding niet aannemen: { $reason }
serve-paneel-titel = De site kan niet gemaakt worden: { $summary }
serve-paneel-uitleg = gka serve laat de vorige versie van de site zien tot dit is opgelost. Dit vak ziet u alleen in gka serve.
serve-niet-gevonden = Niet gevonden
serve-niet-gevonden-tekst = Deze pagina bestaat niet (of de site is nog niet gemaakt).
serve-ander-adres = gka serve beantwoordt alleen vragen aan zijn eigen adres, zoals http://{ $address }/
serve-alleen-lezen = gka serve beantwoordt alleen GET en HEAD
serve-luisteren = kan de server niet starten op { $address }: { $reason }
serve-luisteren-bezet = kan de server niet starten op { $address }: die poort is al in gebruik, misschien door een andere gka serve. Kies een andere poort met --port, of laat de computer een vrije poort kiezen met --port 0
serve-tijdelijke-map = kan geen tijdelijke map voor de site maken: { $reason }
serve-draden = kan het maken van de site niet starten: { $reason }
serve-webserver = kan de webserver niet starten: { $reason }
serve-wijzigingen-volgen = kan niet letten op wijzigingen in { $folder }: { $reason }
help-serve-base-url = Het adres waarop u het voorbeeld bekijkt, in plaats van het adres van deze server: met een pad (http://127.0.0.1:1111/gka/) staat de site daaronder, zoals wanneer hij in een submap komt; met een naam (http://laptop.local:1111/) beantwoordt de server ook die naam
