#!/bin/sh
# Seeds fuzz/corpus/document/ from the example site and the test fixtures.
# The target reads the first byte as the content type (see fuzz_targets/document.rs), so each
# Markdown file is stored once per content type: byte 0..7 followed by the file's bytes.
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
