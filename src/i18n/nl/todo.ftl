# Teksten die nog geschreven moeten worden (TODO:) en het overzicht van een controle.
# Elke tekst staat ook in ../en/todo.ftl, met dezelfde { $namen }.

todo-tekst = nog in te vullen: { $excerpt }
todo-hint = vervang de voorbeeldtekst door uw eigen tekst en haal `TODO:` weg
todo-per-bestand = { $file }: { $count ->
        [one] 1 tekst
       *[other] { $count } teksten
    } met TODO: nog in te vullen ({ $rows ->
        [one] regel
       *[other] regels
    } { $lines })
todo-alle = Met --todos ziet u elke tekst met TODO: apart.
fouten-nog-eens = { $count ->
        [one] Eerst oplossen, de fout hierboven:
       *[other] Eerst oplossen, de { $count } fouten hierboven:
    }
fouten-meer = … en nog { $count } (zie hierboven)
samenvatting-todos = { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    } en { $todos ->
        [one] 1 tekst
       *[other] { $todos } teksten
    } nog in te vullen (TODO:)
help-arg-todos = Toon elke tekst met TODO: apart, in plaats van één regel per bestand
