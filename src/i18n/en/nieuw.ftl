# gka new: why no new site could be made. (The line after a run that worked is in gka.ftl:
# nieuw-gemaakt.)

nieuw-niet-leeg = { $folder } is not empty; pass a new or empty folder
nieuw-geen-map = { $folder } is a file, not a folder
nieuw-naam-zonder-letters = the name '{ $name }' has no letters or digits to name the theme after
nieuw-thema-onbekend = there is no theme '{ $name }' to extend; available: { $available }
nieuw-thema-bestaat = the theme of { $gemeente } would be called '{ $theme }', which is already a theme of gka; pick another --thema
nieuw-schrijven = cannot write { $path }: { $reason }
cms-schema-onbekend = { $kind }.{ $key }: a form cannot show this schema: { $schema }
