#!/usr/bin/env bash
# Benchmark (not a test): builds corpora of N articles made by repeating the five seeds, and
# prints wall time and peak memory for each format. Usage: tests/bench/run.sh [BUILD_DIR] [N …]
# Defaults: build/ and 5 1000 10000. Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5 1000 10000)
octavo=$build/octavo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_corpus() {  # make_corpus N DIR: N articles cycling through the seeds, with a manifest
  local n=$1 dir=$2 seeds=("$here"/corpus/*.txt)
  mkdir -p "$dir"
  printf 'title = "Benchmark of %d articles"\ndate = "2026-01-01"\n' "$n" >"$dir/book.toml"
  for ((i = 0; i < n; i++)); do
    local name
    name=$(printf 'article-%05d.txt' "$i")
    cp "${seeds[i % ${#seeds[@]}]}" "$dir/$name"
    printf '\n[[articles]]\nfile = "%s"\ntitle = "Article %d"\n' "$name" "$i" >>"$dir/book.toml"
  done
}

printf '%-8s %-6s %10s %12s %10s\n' articles format "wall (s)" "peak RSS (MB)" "size (MB)"
for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n
  if [ "$n" = 5 ]; then corpus=$here/corpus; else make_corpus "$n" "$corpus"; fi
  for format in epub pdf all; do
    rm -rf "$work/out"
    if ! /usr/bin/time -f "%e %M" -o "$work/time" "$octavo" build "$corpus" -o "$work/out" --format "$format" -q; then
      printf "%-8s %-6s failed: %s\n" "$n" "$format" "$(tail -1 "$work/time")"
      continue
    fi
    read -r wall rss <"$work/time"
    size=$(du -cb "$work"/out/* | tail -1 | cut -f1)
    awk -v n="$n" -v f="$format" -v w="$wall" -v r="$rss" -v s="$size" \
      'BEGIN { printf "%-8s %-6s %10s %12.1f %10.2f\n", n, f, w, r / 1024, s / 1048576 }'
  done
done
