# Values with a form of their own: dates, periods and age ranges (src/content/values.rs).

periode-vorm = '{ $text }' is not a period: write two years with a dash between them, the earlier first, like 2021-2024
leeftijden-vorm = '{ $text }' is not an age range: write two whole ages with a dash between them, like 0-6 or 12-18
leeftijden-volgorde = '{ $text }' has the oldest age first: write the youngest first, { $lo }-{ $hi }
datum-vorm-bedoeld = '{ $text }' is not a date in the form YYYY-MM-DD: write { $meant }
