# Search: making the index in parts (search.rs).

zoekindex-niet-gelezen = could not read { $file } for the search index: { $reason }
