# Why a file operation failed (i18n::io_error): the system says it in English only.

io-bestaat-niet = het bestand of de map bestaat niet
io-geen-toestemming = u hebt er geen toestemming voor
io-schijf-vol = de schijf is vol
io-alleen-lezen = op deze schijf mag niets geschreven worden
io-is-een-map = dit is een map, geen bestand
io-geen-map = een deel van het pad is geen map
io-naam-ongeldig = de naam is te lang of bevat tekens die niet mogen
link-kring = een snelkoppeling (symbolische link) wijst naar een map waar hij zelf in staat
