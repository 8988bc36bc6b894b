# A national site's sources: the gemeenten under `bronnen` in site.yaml.
# gka bronnen fetches their open data; gka check and gka build read the copies.

help-bronnen = Fetch the open data of the gemeenten a national site shows.
help-bronnen-long = Fetch the open data of the gemeenten a national site shows.

    For each gemeente under `bronnen` in content/site.yaml with an `adres`, gka fetches its gka.json into bronnen/<gemeente>/, to be committed. A copy is only replaced by data that is valid; when fetching fails, the previous copy stays and gka says why. Exit code 0 then too; 1 only for errors in site.yaml (or for warnings, with --strict).
help-bronnen-timeout = How many seconds gka waits for each gemeente [default: 60]
help-bronnen-strict = Exit with code 1 when a source was not fetched or is not valid

bron-dubbel = { $gemeente } is listed twice under bronnen (also as { $earlier })
bron-dubbel-hint = list each gemeente once; remove the second
bron-geen-naam = this source has no name gka can make a folder of
bron-geen-naam-hint = write the gemeente's name in letters, e.g. `gemeente: Almere`
bron-geen-site = { $folder } is not a folder with a site: it has no content/ folder
bron-geen-site-hint = set `map` to the folder of the gemeente's site, from this site's folder (e.g. gemeenten/almere); if that site is a git submodule, fetch it with `git submodule update --init`
bron-twee-plekken = { $gemeente } has both an address and a folder
bron-geen-plek = { $gemeente } has neither an address nor a folder
bron-plek-hint = give each gemeente one of the two: `adres: https://…/data/gka.json` (the open data on its site) or `map:` (a folder with its site)
bron-geen-adres = '{ $address }' is not a web address
bron-geen-https = '{ $address }' does not start with https://
bron-adres-hint = use the full address of the gemeente's open data, which starts with https:// and ends in /data/gka.json

bron-nieuw = new ({ $size })
bron-veranderd = changed ({ $size })
bron-onveranderd = unchanged
bron-lokaal = folder in the repository
bron-mislukt-kopie = not fetched; the copy of { $date } stays
bron-mislukt-geen-kopie = not fetched; there is no copy yet
bronnen-klaar = { $total ->
        [one] 1 source
       *[other] { $total } sources
    }: { $changed } new or changed, { $failed } not fetched

bron-niet-opgehaald = the open data of { $gemeente } ({ $address }) was not fetched: { $reason }
bron-niet-opgehaald-hint = the national site uses the copy of { $date }. Does the address work in a browser? If it changed, put the new address in site.yaml; otherwise try again later
bron-niet-opgehaald-hint-geen-kopie = there is no copy yet, so the national site does not show this gemeente yet. Does the address work in a browser? Otherwise try again later
bron-ongeldig = the open data of { $gemeente } ({ $address }) is not valid: { $reason }
bron-ongeldig-hint = the national site uses the copy of { $date }. Tell the gemeente that its gka.json is not valid; building its site with a newer gka usually mends it
bron-ongeldig-hint-geen-kopie = there is no copy yet, so the national site does not show this gemeente yet. Tell the gemeente that its gka.json is not valid; building its site with a newer gka usually mends it
bron-kopie-ongeldig-hint = was the file changed by hand, or fetched with another version of gka? Fetch it again with `gka bronnen`
bron-nog-niet-opgehaald = the open data of { $gemeente } has not been fetched yet ({ $file } is missing)
bron-nog-niet-opgehaald-hint = fetch the open data with `gka bronnen` and commit the folder bronnen/

bron-http-status = the server answers with error code { $status }
bron-te-groot = the file is larger than { $size }
bron-te-traag = the server did not answer within { $seconds } seconds
bron-onbekende-server = the server does not exist (check the name in the address)
bron-geen-verbinding = the server cannot be reached
bron-tls = the secure connection fails (the server's certificate is not valid)
bron-omleiding = the server redirects to an address that does not work
bron-overig = { $reason }
bron-niet-bewaard = the open data of { $gemeente } cannot be kept in { $folder }: { $reason }

bron-geen-json = it is not JSON (line { $line }, column { $column })
bron-geen-versie = it is not gka open data (it has no version)
bron-nieuwere-versie = it is open data of a newer gka (version { $version }); this gka reads version { $ours }. Use a newer gka
bron-oudere-versie = it is open data of an older gka (version { $version }); this gka reads version { $ours }
bron-niet-leesbaar = gka cannot read it: { $reason }
bron-schema-fout = at { $at }: { $problem }
bron-schema-meer = { " " }and { $count } other errors

bron-site-fouten = the site of { $gemeente } in { $folder } has { $errors ->
        [one] an error
       *[other] { $errors } errors
    }; the national site leaves this gemeente out until they are fixed
bron-site-fouten-hint = `gka check --root { $folder }` shows them
claim-gemeenten = the overview of the gemeenten under bronnen ({ $url })
claim-gemeente = the page about { $gemeente } from bronnen

waarde-seconds = SECONDS

bron-schema-ontbreekt = '{ $key }' is missing
bron-schema-soort = should be { $expected }
bron-schema-waarde = { $value } is not an allowed value here
bron-schema-waarde-lang = this value is not allowed here
bron-schema-anders = this does not match the open data schema
bron-soort-null = empty (null)
bron-soort-boolean = yes or no (true or false)
bron-soort-integer = a whole number
bron-soort-number = a number
bron-soort-string = text
bron-soort-array = a list
bron-soort-object = a group of keys with values
klaar-gemeenten = { $listed ->
        [one] { $shown } of the 1 gemeente is on the site
       *[other] { $shown } of the { $listed } gemeenten are on the site
    }{ $left ->
        [0] .
        [one] ; 1 is left out, the warning above says why.
       *[other] ; { $left } are left out, the warnings above say why.
    }
