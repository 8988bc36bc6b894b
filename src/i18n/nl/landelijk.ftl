# De landelijke thema's van een landelijke site (content/themas.yaml) en de pagina's over de
# interventies van de gemeenten (/landelijk/).

landelijk-thema-geen-naam = dit landelijke thema heeft geen naam
landelijk-thema-geen-naam-hint = begin het thema met `- thema:` en de naam, bijvoorbeeld `- thema: Taal en lezen`
landelijk-thema-dubbel = het thema ‘{ $thema }’ staat twee keer in themas.yaml (ook op regel { $line })
landelijk-thema-dubbel-hint = noem elk landelijk thema één keer; zet de gemeentethema's van allebei onder het eerste en haal het tweede weg
landelijk-thema-leeg = bij het thema ‘{ $thema }’ staan geen gemeentethema's
landelijk-thema-leeg-hint = zet onder `gemeentethemas:` de thema's van gemeenten die bij dit landelijke thema horen, elk op een eigen regel met `- ` ervoor
landelijk-gemeentethema-leeg = bij het thema ‘{ $thema }’ staat een gemeentethema zonder naam
landelijk-gemeentethema-leeg-hint = schrijf het thema zoals de gemeente het noemt, bijvoorbeeld `- Versterken van taal`, of haal de lege regel weg

thema-niet-landelijk = het thema ‘{ $thema }’ van { $gemeenten } hoort bij geen landelijk thema
thema-niet-landelijk-hint = zet het in content/themas.yaml onder `gemeentethemas` bij het landelijke thema waar het bij hoort; tot dan staat het als eigen thema op de site
thema-niet-landelijk-geen-bestand-hint = maak het bestand content/themas.yaml en zet het daar onder een `thema`; tot dan is elk thema van een gemeente een eigen thema op de site
thema-ongebruikt = geen enkele gemeente heeft het thema ‘{ $thema }’
thema-ongebruikt-hint = staat er een tikfout in? Schrijf het thema zoals de gemeente het noemt (hoofdletters tellen niet mee), of haal het weg

themas-geen-landelijke-site-hint = alleen een landelijke site (met `bronnen` in site.yaml) gebruikt content/themas.yaml; haal het bestand weg of zet het buiten content/

namen-en = { $names } en { $last }
namen-andere = { $names } en { $count } andere

claim-landelijk = de landelijke pagina { $url } over de interventies van de gemeenten onder bronnen
