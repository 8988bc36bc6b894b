# The photo of a page: afbeelding in its front matter (bestand, alt, decoratief, bijschrift, maker).

afbeelding-veld-zonder-alt = the image '{ $image }' has no alt text
afbeelding-veld-zonder-alt-hint = add a line alt: under bestand saying what the photo shows; if the photo is only decoration, write decoratief: true
afbeelding-veld-alt-en-decoratief = the image has alt text and is marked decorative too
afbeelding-veld-alt-en-decoratief-hint = if the photo shows something, remove decoratief: true; if it is only decoration, remove the alt text
afbeelding-veld-geen-foto = '{ $image }' is not a photo of the site
afbeelding-veld-geen-foto-hint = put a JPEG, PNG or WebP file in content/static/ and write its path at bestand, for example /static/img/foto.jpg
