# A national site's national themes (content/themas.yaml) and the pages about its gemeenten's
# interventies (/landelijk/).

landelijk-thema-geen-naam = this national theme has no name
landelijk-thema-geen-naam-hint = start the theme with `- thema:` and its name, for example `- thema: Taal en lezen`
landelijk-thema-dubbel = the theme ‘{ $thema }’ is in themas.yaml twice (also on line { $line })
landelijk-thema-dubbel-hint = name each national theme once; put the gemeente themes of both under the first and remove the second
landelijk-thema-leeg = the theme ‘{ $thema }’ has no gemeente themes
landelijk-thema-leeg-hint = under `gemeentethemas:` list the gemeenten's themes that belong to this national theme, each on a line of its own starting with `- `
landelijk-gemeentethema-leeg = the theme ‘{ $thema }’ lists a gemeente theme without a name
landelijk-gemeentethema-leeg-hint = write the theme as the gemeente names it, for example `- Versterken van taal`, or remove the empty line

thema-niet-landelijk = the theme ‘{ $thema }’ of { $gemeenten } belongs to no national theme
thema-niet-landelijk-hint = put it in content/themas.yaml under `gemeentethemas` of the national theme it belongs to; until then the site shows it as a theme of its own
thema-niet-landelijk-geen-bestand-hint = create the file content/themas.yaml and put it there under a `thema`; until then each gemeente theme is a theme of its own on the site
thema-ongebruikt = no gemeente has the theme ‘{ $thema }’
thema-ongebruikt-hint = is there a typo? Write the theme as the gemeente names it (capitals do not matter), or remove it

themas-geen-landelijke-site-hint = only a national site (with `bronnen` in site.yaml) uses content/themas.yaml; remove the file or move it out of content/

namen-en = { $names } and { $last }
namen-andere = { $names } and { $count } others

claim-landelijk = the national page { $url } about the interventies of the gemeenten under bronnen
