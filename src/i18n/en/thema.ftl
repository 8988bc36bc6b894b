# Themes and templates: a theme that is missing or extends in a circle, a stylesheet that is
# not there, and mistakes in a template (Tera's technical detail follows).

thema-kring = themes extend each other in a circle: { $themes }
thema-kring-hint = remove `extends` from one of these themes' theme.yaml
thema-bestaat-niet = theme '{ $theme }' does not exist
thema-ouder-bestaat-niet = theme '{ $theme }' extends '{ $parent }', which does not exist
thema-bestaat-niet-hint = name a folder in themes/ that has templates/ or theme.yaml; found: { $found }
thema-stijlblad-ontbreekt = stylesheet '{ $path }' is not in the theme's static/ folder
thema-stijlblad-ontbreekt-hint = write the path inside static/, e.g. `css/{ $theme }.css` for themes/{ $theme }/static/css/{ $theme }.css
thema-geen-sjablonen = theme '{ $theme }' and the themes it extends have no templates
thema-geen-sjablonen-hint = set `thema` in content/site.yaml to a folder in themes/, e.g. `thema: gka`, or add `extends: gka` to the theme's theme.yaml
sjabloon-ontbreekt = the theme has no template '{ $name }'
sjabloon-ontbreekt-hint = add { $name } to { $folder } (gka uitleg sjablonen lists every template and its values), or let the theme extend gka with `extends: gka` in its theme.yaml
sjabloon-ontbreekt-zoeken-hint = { sjabloon-ontbreekt-hint }, or build without the search page: --no-search
sjabloon-schrijffout = this template is not written correctly: { $detail }
sjabloon-maakfout = this template fails while making a page: { $detail }
sjabloon-fout = something went wrong with the templates: { $detail }
sjabloon-hint = fix the template here; gka uitleg sjablonen lists the values templates can use
