#!/usr/bin/env bash
# Benchmarks `gka build` against `hugo` on the same synthetic content, and the time from a
# one-file edit to the rebuilt page in `gka serve`. One run each, side by side.
#
# Usage:
#   GEN_SITE=path/to/gen_site.py scripts/bench.sh
#   scripts/bench.sh path/to/gen_site.py
#
# GEN_SITE (or the first argument) is the synthetic-site generator, which takes
# `N --format gka|hugo --out DIR` and writes the same N pages in either format.
# SIZES overrides the page counts (default: "1000 10000").
# PAGEFIND, when set, is a Pagefind command (e.g. from npm: `npm install pagefind`, then
# node_modules/.bin/pagefind) run on Hugo's output, so "Hugo + search" can be set against
# `gka build`, which writes its search index itself.
#
# Needs: cargo, python3, GNU time (/usr/bin/time), curl. Hugo is optional: when it is missing
# and the script runs as root with apt-get, it installs Debian's `hugo`; otherwise its
# columns say "n/a".
#
# Prints one table: wall time (s) and peak resident memory (MiB) per tool and size (gka with
# its search index and with --no-search; hugo, and Pagefind on hugo's output), then the
# edit-to-page time in `gka serve --no-search` at the largest size (on disk and served) with
# the server's own summary of that rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

gen=${1:-${GEN_SITE:-}}
if [[ -z "$gen" || ! -f "$gen" ]]; then
    echo "usage: GEN_SITE=path/to/gen_site.py $0   (or: $0 path/to/gen_site.py)" >&2
    exit 2
fi
sizes=${SIZES:-"1000 10000"}
for tool in python3 curl; do
    command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time at /usr/bin/time (Debian: time)" >&2; exit 2; }

if ! command -v hugo >/dev/null && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing hugo (Debian package)..." >&2
    apt-get install -y -qq hugo >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hugo >/dev/null 2>&1; } ||
        echo "Could not install hugo; its columns will say n/a." >&2
fi

echo "Building gka (release)..." >&2
cargo build --release --quiet
# Cargo puts the binary under CARGO_TARGET_DIR when that is set.
gka="${CARGO_TARGET_DIR:-$repo/target}/release/gka"

work=$(mktemp -d)
serve_pid=
cleanup() {
    if [[ -n "$serve_pid" ]]; then kill -TERM "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# measure NAME COMMAND...: runs the command once under GNU time; prints "wall_s rss_mib".
measure() {
    local name=$1; shift
    if ! /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1; then
        echo "$name failed:" >&2; tail -20 "$work/$name.log" >&2
        echo "failed -"
        return
    fi
    awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }' "$work/$name.time"
}

results=()
for n in $sizes; do
    echo "Generating $n pages..." >&2
    python3 "$gen" "$n" --format gka --out "$work/gka-$n" >/dev/null
    cp -R "$repo/themes" "$work/gka-$n/themes"
    python3 "$gen" "$n" --format hugo --out "$work/hugo-$n" >/dev/null

    echo "gka build, $n pages..." >&2
    gka_result=$(measure "gka-$n" "$gka" build --root "$work/gka-$n" --output "$work/gka-$n-public")
    gka_pages=$(find "$work/gka-$n-public" -name '*.html' 2>/dev/null | wc -l)
    echo "gka build --no-search, $n pages..." >&2
    plain_result=$(measure "gka-plain-$n" "$gka" build --no-search --root "$work/gka-$n" --output "$work/gka-$n-plain")
    if command -v hugo >/dev/null; then
        echo "hugo, $n pages..." >&2
        hugo_result=$(measure "hugo-$n" hugo --source "$work/hugo-$n" --destination "$work/hugo-$n-public" --quiet)
        hugo_pages=$(find "$work/hugo-$n-public" -name '*.html' 2>/dev/null | wc -l)
    else
        hugo_result="n/a n/a"
        hugo_pages="n/a"
    fi
    pagefind_result="n/a n/a"
    if [[ -n "${PAGEFIND:-}" && -d "$work/hugo-$n-public" ]]; then
        echo "pagefind on hugo's output, $n pages..." >&2
        pagefind_result=$(measure "pagefind-$n" "$PAGEFIND" --site "$work/hugo-$n-public" --force-language nl)
    fi
    results+=("$n $gka_result $gka_pages $plain_result $hugo_result $hugo_pages $pagefind_result")
done

# One-file edit in `gka serve` at the largest size: from writing the file to the rebuilt page
# being on disk in the server's output folder (polled every 2 ms) and to the server returning
# it (curl every 10 ms). Both include the watcher's debounce (DEBOUNCE in src/serve/mod.rs).
# The server's own line says how long the rebuild took and how much it rendered and wrote.
largest=${sizes##* }
site="$work/gka-$largest"
for file in "$site"/content/interventies/*.md; do
    page=${file##*/}
    [[ $page == _index.md ]] || break
done
slug=${page%.md}
echo "gka serve, one-file edit at $largest pages..." >&2
# Without search, so that the timed edit does not wait for the re-indexing of an earlier
# build (serve makes the index after the changed pages are on disk, so it does not delay them).
"$gka" serve --no-search --root "$site" --port 0 --output "$work/serve-site" >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 600); do
    grep -q '^Serving ' "$work/serve.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^Serving //p' "$work/serve.out")
[[ -n "$url" ]] || { echo "gka serve did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }
# The open data of the first build is written after the address is printed; let it finish so
# that the edit is timed on an idle server.
for _ in $(seq 600); do
    [[ -f "$work/serve-site/data/gka.json" ]] && break
    sleep 0.1
done
sleep 1
marker="bench-edit-$$"
on_disk="$work/serve-site/interventies/$slug/index.html"
start=$(date +%s%N)
printf '\n%s\n' "$marker" >>"$site/content/interventies/$page"
disk_ms="timeout"
for _ in $(seq 30000); do
    if grep -q "$marker" "$on_disk" 2>/dev/null; then
        disk_ms=$(( ($(date +%s%N) - start) / 1000000 ))
        break
    fi
    sleep 0.002
done
edit_ms="timeout"
for _ in $(seq 6000); do
    if curl -fs "${url}interventies/$slug/" | grep -q "$marker"; then
        edit_ms=$(( ($(date +%s%N) - start) / 1000000 ))
        break
    fi
    sleep 0.01
done
sleep 1
rebuild_line=$(grep '^Rebuilt' "$work/serve.err" | tail -1)

printf '\n%-7s | %-28s | %-18s | %-28s | %-18s\n' "" "gka build (with search)" "gka --no-search" "hugo" "pagefind on hugo"
printf '%-7s | %8s %9s %9s | %8s %9s | %8s %9s %9s | %8s %9s\n' pages "wall s" "peak MiB" "HTML" "wall s" "peak MiB" "wall s" "peak MiB" "HTML" "wall s" "peak MiB"
printf -- '--------+------------------------------+--------------------+------------------------------+--------------------\n'
for row in "${results[@]}"; do
    read -r n gw gm gp pw pm hw hm hp fw fm <<<"$row"
    printf '%-7s | %8s %9s %9s | %8s %9s | %8s %9s %9s | %8s %9s\n' "$n" "$gw" "$gm" "$gp" "$pw" "$pm" "$hw" "$hm" "$hp" "$fw" "$fm"
done
echo
echo "gka serve --no-search, one-file edit at $largest pages: page on disk ${disk_ms} ms and served ${edit_ms} ms after the write"
echo "  (the server's own line for it: ${rebuild_line:-none})"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
command -v hugo >/dev/null && echo "Hugo: $(hugo version)"
[[ -n "${PAGEFIND:-}" ]] && echo "Pagefind: $("$PAGEFIND" --version)"
echo "gka: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
