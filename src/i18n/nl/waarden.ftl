# Values with a form of their own: dates, periods and age ranges (src/content/values.rs).

periode-vorm = '{ $text }' is geen periode: schrijf twee jaartallen met een streepje ertussen, het vroegste eerst, bijvoorbeeld 2021-2024
leeftijden-vorm = '{ $text }' zijn geen leeftijden: schrijf twee hele leeftijden met een streepje ertussen, bijvoorbeeld 0-6 of 12-18
leeftijden-volgorde = bij '{ $text }' staat de oudste leeftijd eerst: schrijf de jongste eerst, { $lo }-{ $hi }
datum-vorm-bedoeld = '{ $text }' is geen datum in de vorm JJJJ-MM-DD: schrijf { $meant }
