# The common YAML mistakes (front matter and site.yaml), in plain words.

yaml-waarde-volgende-regel = the text of `{ $key }` is on the line below it; YAML then reads `{ $key }` as empty, and this line as a key without a colon
yaml-waarde-volgende-regel-hint = put the text on the same line as `{ $key }:`, after the colon: `{ $line }`
yaml-inspringen-te-ver = this line is indented further than the line above it, but does not belong under it; in YAML, lines that belong together are indented exactly as far
yaml-inspringen-te-weinig = this line is indented less than the lines it belongs with; in YAML, lines that belong together are indented exactly as far
yaml-inspringen-geplakt = this list item is indented further than the item above it; YAML then silently glues it to the end of that item's text
yaml-inspringen-hint = indent the line as far as the lines it belongs with: `{ $line }`
yaml-hekje = the text stops at `{ $kept }`: YAML reads a space followed by `#` as the start of a comment, and leaves out the rest of the line
yaml-hekje-hint = is the hash part of the text? Then put the text between straight quotes: `{ $line }`. A comment goes on a line of its own.
schrijf-lijst-regel = write a list between square brackets: `{ $line }`, or put each value on a line of its own under the key, with `- ` in front
sleutel-dubbel-regel = the key '{ $key }' is given twice: also on line { $line }
fm-begin-ontbreekt = the `---` line above the keys is missing: the file starts with a key right away
fm-begin-ontbreekt-hint = put a line with only `---` above `{ $line }`
fm-streep-anders = the first line must be exactly `---` (three plain hyphens), but it is `{ $line }`
fm-streep-anders-hint = make it `---`; the line below the keys is exactly `---` too
fm-sluiten-ontbreekt = the front matter is never closed: a line with only `---` is missing above this line
fm-sluiten-ontbreekt-hint = put a line `---` below line { $number } (`{ $line }`), the last key
fm-streep-te-veel = this `---` line closes the front matter too early: the keys below it, from `{ $key }` on, become plain text
fm-streep-te-veel-hint = remove this `---` line; there is only one `---` line above and one below all the keys
