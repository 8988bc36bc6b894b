# Photos in bodies (images/): scaled, without metadata, as WebP and JPEG or PNG.

afbeelding-onleesbaar = the photo '{ $image }' cannot be read: { $reason }
afbeelding-onleesbaar-hint = put the photo in content/static/ again and check that you can open it on your computer
afbeelding-geen-foto = '{ $image }' is not a JPEG, PNG or WebP photo, or the file is damaged
afbeelding-geen-foto-hint = open the photo on your computer and save it again as JPEG (.jpg) or PNG (.png); the name must match the kind of file
afbeelding-te-groot = the photo '{ $image }' is { $width } by { $height } pixels: more than { $max } megapixels
afbeelding-te-groot-hint = make the photo smaller, for example 4000 pixels wide; on the site it is at most 1600 pixels wide
origineel-niet-gepubliceerd = the link to '{ $image }' does not work: a page shows this photo, and then gka publishes only scaled versions, not the original file
origineel-niet-gepubliceerd-hint = link to the page with the photo; or set originelen: true under afbeeldingen in content/site.yaml, then the original file is published too, with everything in it (such as where the photo was taken)
claim-afbeelding = the scaled photo { $image } of { $file }
afbeeldingen-gemaakt = { $made ->
        [one] 1 image made
       *[other] { $made } images made
    }, { $reused } from the cache
