# The words for the kind of message in the output for people: `error[GKA-E007]: …`, `= help: …`.

label-fout = error
label-waarschuwing = warning
label-tip = help
