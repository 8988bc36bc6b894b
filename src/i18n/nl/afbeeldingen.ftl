# Foto's in de teksten (images/): verkleind, zonder metadata, als WebP en JPEG of PNG.

afbeelding-onleesbaar = de foto '{ $image }' kan niet gelezen worden: { $reason }
afbeelding-onleesbaar-hint = zet de foto opnieuw in content/static/ en controleer of u hem op uw computer kunt openen
afbeelding-geen-foto = '{ $image }' is geen JPEG-, PNG- of WebP-foto, of het bestand is beschadigd
afbeelding-geen-foto-hint = open de foto op uw computer en bewaar hem opnieuw als JPEG (.jpg) of PNG (.png); de naam moet bij het soort bestand passen
afbeelding-te-groot = de foto '{ $image }' is { $width } bij { $height } pixels: meer dan { $max } megapixel
afbeelding-te-groot-hint = maak de foto kleiner, bijvoorbeeld 4000 pixels breed; op de site is hij hoogstens 1600 pixels breed
origineel-niet-gepubliceerd = de link naar '{ $image }' werkt niet: een pagina laat deze foto zien, en dan zet gka alleen verkleinde versies op de site, niet het originele bestand
origineel-niet-gepubliceerd-hint = link naar de pagina met de foto; of zet in content/site.yaml bij afbeeldingen de instelling originelen: true, dan komt het originele bestand ook op de site, met alles wat erin staat (zoals de plek waar de foto is gemaakt)
claim-afbeelding = de verkleinde foto { $image } van { $file }
afbeeldingen-gemaakt = { $made ->
        [one] 1 afbeelding gemaakt
       *[other] { $made } afbeeldingen gemaakt
    }, { $reused } uit de cache
