# Fouten op de opdrachtregel (clap), en het woord voor de opties in de regel "Gebruik:".

help-opties-plaats = [OPTIES]
cli-onbekend = gka kent '{ $arg }' hier niet
cli-onbekende-opdracht = gka kent de opdracht '{ $command }' niet
cli-waarde-ontbreekt = na { $arg } hoort een waarde
cli-waarde-fout = '{ $value }' kan niet bij { $arg }
cli-waarde-ongeldig = '{ $value }' kan niet bij { $arg }: { $reason }
cli-ontbreekt = dit ontbreekt nog: { $args }
cli-twee-keer = { $arg } mag maar één keer
cli-niet-samen = { $arg } kan niet samen met { $other }
cli-te-veel = '{ $value }' is een waarde te veel bij { $arg }
cli-onbegrepen = gka begrijpt de opdracht niet
cli-bedoelt-u = bedoelt u { $words }?
cli-of = of
cli-meer-hulp = Meer uitleg krijgt u met: { $command } --help
