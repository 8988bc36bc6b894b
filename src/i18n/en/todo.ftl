# Texts still to write (TODO:) and the overview of a check. Every text is also in
# ../nl/todo.ftl, with the same { $names }.

todo-tekst = still to write: { $excerpt }
todo-hint = replace the placeholder with your own text and remove `TODO:`
todo-per-bestand = { $file }: { $count ->
        [one] 1 text
       *[other] { $count } texts
    } marked TODO: still to write ({ $rows ->
        [one] line
       *[other] lines
    } { $lines })
todo-alle = Add --todos to see each text marked TODO: on its own.
fouten-nog-eens = { $count ->
        [one] Fix this first, the error above:
       *[other] Fix these first, the { $count } errors above:
    }
fouten-meer = … and { $count } more (see above)
samenvatting-todos = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } and { $todos ->
        [one] 1 text
       *[other] { $todos } texts
    } still to write (TODO:)
help-arg-todos = Show each text marked TODO: on its own, instead of one line per file
