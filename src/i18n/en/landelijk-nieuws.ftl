# A national site's merged news, its feed and its open data.

claim-landelijk-nieuws = the news of all gemeenten under bronnen ({ $url })
claim-landelijk-feed = the feed of the news of all gemeenten under bronnen ({ $url })
claim-landelijk-data = the open data of all gemeenten under bronnen
