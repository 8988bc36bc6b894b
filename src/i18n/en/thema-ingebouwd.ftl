# The theme inside gka: a site uses it when it has no folder of that theme of its own.
# gka copy-theme puts a copy in themes/ for those who want to change the theme themselves.

thema-kopie-ouder = themes/{ $theme } is a copy of the theme '{ $theme }' from another version of gka; gka's improvements to that theme do not reach your site
thema-kopie-ouder-hint = if you changed nothing in the theme, remove the folder themes/{ $theme }: gka then uses its own, newest theme. To keep the theme yourself, put the newest version in with `gka copy-theme { $theme } --force` and apply your changes again
thema-ingebouwd-mislukt = cannot prepare gka's theme '{ $theme }': { $reason }
kopie-gemaakt = The theme { $theme } is now in { $folder } ({ $files } files). The site uses this copy instead of the theme inside gka; gka check says so when a newer gka has a newer theme.
kopie-bestaat = { $folder } already exists; use --force to replace that folder with this gka's theme
kopie-onbekend = gka has no theme '{ $theme }'; it has: { $available }
kopie-mislukt = cannot put the theme in { $folder }: { $reason }
help-copy-theme = Put a copy of one of gka's themes in themes/, to change it yourself.
help-copy-theme-long = Put a copy of one of gka's themes in themes/, to change it yourself.

    Without a folder of its own, a site uses the theme inside gka, and so gets every improvement with a new gka. With a copy, the theme is the site's own: gka check says so when a newer gka has a newer theme.
help-copy-theme-theme = The theme to copy
help-copy-theme-force = Replace a folder of that theme that is already there
sjabloon-ingebouwd-hint = this template is part of gka itself, not of your themes/ folder. If your own templates (in templates/ or your theme) cause the error, fix those; otherwise it is a bug in gka: please report it to its makers. gka uitleg sjablonen lists the values templates can use
