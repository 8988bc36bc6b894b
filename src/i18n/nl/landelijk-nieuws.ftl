# A national site's merged news, its feed and its open data.

claim-landelijk-nieuws = het nieuws van alle gemeenten onder bronnen ({ $url })
claim-landelijk-feed = de feed van het nieuws van alle gemeenten onder bronnen ({ $url })
claim-landelijk-data = de open data van alle gemeenten onder bronnen
