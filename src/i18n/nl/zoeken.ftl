# Search: making the index in parts (search.rs).

zoekindex-niet-gelezen = { $file } kon niet gelezen worden voor de zoekindex: { $reason }
