# De foto bij een pagina: afbeelding in de gegevens bovenaan (bestand, alt, decoratief, bijschrift, maker).

afbeelding-veld-zonder-alt = de afbeelding '{ $image }' heeft geen alt-tekst
afbeelding-veld-zonder-alt-hint = zet onder bestand een regel alt: met wat er op de foto staat; is de foto alleen versiering, schrijf dan decoratief: true
afbeelding-veld-alt-en-decoratief = de afbeelding heeft een alt-tekst en is ook decoratief
afbeelding-veld-alt-en-decoratief-hint = laat de foto iets zien, haal dan decoratief: true weg; is hij alleen versiering, haal dan de alt-tekst weg
afbeelding-veld-geen-foto = '{ $image }' is geen foto van de site
afbeelding-veld-geen-foto-hint = zet een JPEG-, PNG- of WebP-bestand in content/static/ en schrijf bij bestand het pad, bijvoorbeeld /static/img/foto.jpg
