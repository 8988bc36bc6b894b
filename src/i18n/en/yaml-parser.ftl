# The YAML parser's own messages, said in the communicator's words (front_matter::in_words).

yaml-aanhalingsteken-open = the quote at the start of this text is never closed
yaml-aanhalingsteken-open-hint = end the text with the same quote, on the same line: `{ $line }`
yaml-aanhalingsteken-open-hint-kort = end the text with the same quote it starts with, on the same line
yaml-blokhaak-open = the list that starts here with `[` is never closed with `]`
yaml-blokhaak-open-hint = close the list with `]`: `{ $line }`; if the `[` belongs to the text, put the text between straight double quotes (")
yaml-blokhaak-open-hint-kort = close the list with `]` on the same line; if the `[` belongs to the text, put the text between straight double quotes (")
yaml-accolade = YAML reads a text that starts with `{"{"}` as a group of keys, and this one is not closed properly
yaml-accolade-hint = put the text between straight double quotes: `{ $line }`
yaml-accolade-hint-kort = put the text between straight double quotes (")
yaml-teken-begin = in YAML a text cannot start with '{ $character }'
yaml-teken-begin-hint = put the text between straight double quotes: `{ $line }`
yaml-teken-begin-hint-kort = put the text between straight double quotes (")
yaml-anker = in YAML a `*` at the start of a value refers to an anchor (`&name`), and there is no such anchor
yaml-anker-hint = does the `*` belong to the text? Then put the text between straight double quotes: `{ $line }`
yaml-anker-hint-kort = does the `*` belong to the text? Then put the text between straight double quotes (")
yaml-blok-tekst = after `|` or `>` the text starts on the next line; nothing may follow the sign
yaml-blok-tekst-hint = put the text on the lines below, indented a little, or remove the `|` or `>`
yaml-lijst-streepje = every line of this list starts with `- `, and this line does not
yaml-lijst-streepje-hint = put `- ` before the line, indented as far as the other lines of the list
yaml-sleutel-verwacht = gka expected a new line `key: value` here, or a line indented as far as the lines above
yaml-backslash = between double quotes a `\` has a special meaning in YAML, and YAML does not know this one
yaml-backslash-hint = write `\\` for one `\`, or put the text between single quotes (')
yaml-stopt = the YAML ends here before it is complete
yaml-onbekend = the YAML is not right here (the YAML reader says: { $detail })
