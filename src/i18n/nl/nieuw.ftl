# gka new: waarom er geen nieuwe site gemaakt kon worden. (De regel na een gelukte run staat
# in gka.ftl: nieuw-gemaakt.)

nieuw-niet-leeg = in de map { $folder } staan al bestanden; kies een nieuwe of lege map
nieuw-geen-map = { $folder } is een bestand, geen map
nieuw-naam-zonder-letters = de naam '{ $name }' heeft geen letters of cijfers, en daar maakt gka de naam van het thema van
nieuw-thema-onbekend = gka heeft geen thema '{ $name }' om op voort te bouwen; kies uit: { $available }
nieuw-thema-bestaat = het thema van { $gemeente } zou '{ $theme }' heten, maar zo heet al een thema van gka; kies een ander met --thema
nieuw-schrijven = kan { $path } niet schrijven: { $reason }
cms-schema-onbekend = { $kind }.{ $key }: een formulier kan dit schema niet tonen: { $schema }
