# The site's icons made from its logo (render/icons.rs).

logo-onbruikbaar = gka cannot make the favicon and icons from the logo { $file }: { $reason }
logo-onbruikbaar-hint = make `logo` in content/site.yaml an SVG, PNG or JPEG file that a browser shows well, or remove `logo`: then the site gets a neutral icon
logo-geen-svg = it is not an SVG that gka can read
logo-geen-afbeelding = it is not a PNG or JPEG image that gka can read
logo-soort = it is a { $soort } image; gka only uses SVG, PNG and JPEG
claim-iconen = the site's icons (favicon and manifest)
