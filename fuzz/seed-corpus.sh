#!/bin/sh
# Seeds the corpora of both fuzz targets.
#
# document: from the example site and the test fixtures. The target reads the first byte as
# the content type (see fuzz_targets/document.rs), so each Markdown file is stored once per
# content type: byte 0..7 followed by the file's bytes.
#
# site: the target reads any bytes as a site (see fuzz_targets/site.rs), and text files
# would all make the same site.yaml from their first bytes, so its seeds are random inputs
# of 256 bytes to 8 KiB: each a different site, from one bare site.yaml to a dozen documents.
set -eu
cd "$(dirname "$0")/.."
out=fuzz/corpus/document
mkdir -p "$out"
find content tests/fixtures -name '*.md' | sort | while read -r file; do
    name=$(printf '%s' "$file" | tr '/' '_')
    for kind in 0 1 2 3 4 5 6 7; do
        { printf "\\$(printf '%03o' "$kind")"; cat "$file"; } > "$out/$kind-$name"
    done
done
echo "$(ls "$out" | wc -l) inputs in $out"
out=fuzz/corpus/site
mkdir -p "$out"
for size in $(seq 1 32); do
    head -c $((size * 256)) /dev/urandom > "$out/random-$size"
done
echo "$(ls "$out" | wc -l) inputs in $out"
