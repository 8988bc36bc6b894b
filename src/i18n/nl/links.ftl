# Hints bij links die nergens heen gaan: het adres dat de schrijver waarschijnlijk bedoelde.
# Elke tekst staat ook in ../en/links.ftl, met dezelfde { $namen }.

link-bedoelt = bedoelt u { $address }? Dat adres bestaat wel
link-md-bedoelt = bedoelt u content/{ $file }? Link dan naar het adres van die pagina: { $address }
