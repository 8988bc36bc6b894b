# De woorden voor de soort melding in de uitvoer voor mensen: `fout[GKA-E007]: …`, `= tip: …`.

label-fout = fout
label-waarschuwing = waarschuwing
label-tip = tip
