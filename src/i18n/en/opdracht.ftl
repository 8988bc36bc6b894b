# Mistakes on the command line (clap), and the word for the options in the "Usage:" line.

help-opties-plaats = [OPTIONS]
cli-onbekend = gka does not know '{ $arg }' here
cli-onbekende-opdracht = gka has no command '{ $command }'
cli-waarde-ontbreekt = { $arg } needs a value
cli-waarde-fout = '{ $value }' is not a value for { $arg }
cli-waarde-ongeldig = '{ $value }' is not a value for { $arg }: { $reason }
cli-ontbreekt = still missing: { $args }
cli-twee-keer = { $arg } can be given only once
cli-niet-samen = { $arg } cannot be used with { $other }
cli-te-veel = '{ $value }' is one value too many for { $arg }
cli-onbegrepen = gka does not understand the command
cli-bedoelt-u = did you mean { $words }?
cli-of = or
cli-meer-hulp = For more information, try: { $command } --help
