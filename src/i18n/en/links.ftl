# Hints for links that lead nowhere: the address the author most likely meant. Every text is
# also in ../nl/links.ftl, with the same { $names }.

link-bedoelt = did you mean { $address }? That address exists
link-md-bedoelt = did you mean content/{ $file }? Then link to that page's address: { $address }
