# The site's icons made from its logo (render/icons.rs).

logo-onbruikbaar = van het logo { $file } kan gka geen favicon en iconen maken: { $reason }
logo-onbruikbaar-hint = gebruik als `logo` in content/site.yaml een SVG-, PNG- of JPEG-bestand dat een browser goed laat zien, of haal `logo` weg: dan krijgt de site een neutraal icoon
logo-geen-svg = het is geen SVG die gka kan lezen
logo-geen-afbeelding = het is geen PNG- of JPEG-afbeelding die gka kan lezen
logo-soort = het is een { $soort }-afbeelding; gka gebruikt alleen SVG, PNG en JPEG
claim-iconen = de iconen van de site (favicon en manifest)
