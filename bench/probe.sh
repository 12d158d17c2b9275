#!/usr/bin/env bash
# Benchmark: `reel probe` against one ffprobe process per file (two in parallel), the way the
# seed tools probe a library. Prints both times and the ratios; see docs/BENCHMARKS.md.
#
#   bench/probe.sh [FILES] [SCALE_NAMES]     defaults: 2000 files, 100000 names for the RSS run
#
# Needs a system ffprobe for the comparison only (reel itself never uses it):
#   apt-get install ffmpeg
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
files=${1:-2000}
names=${2:-100000}
work=${REEL_BENCH_DIR:-/tmp/reel-bench}
lib="$work/lib-$files"
scale="$work/scale-$names"
reel="$here/reel"

if ! command -v ffprobe >/dev/null 2>&1; then
  echo "bench: no ffprobe on PATH; install it for the comparison with: apt-get install ffmpeg" >&2
  exit 2
fi
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

"$reel" --version >/dev/null # builds the jar if needed, outside the timings
mkdir -p "$work"
if [ "$(find "$lib" -type f 2>/dev/null | wc -l)" -lt "$files" ]; then
  echo "bench: making $files distinct files in $lib (once; kept for later runs)" >&2
  "$reel" dev make-media --library "$lib" --count "$files" --seconds 1 --size 160x120
fi
find "$lib" -type f -exec cat {} + >/dev/null # warm page cache

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }

cache="$work/cache"
rm -rf "$cache"
echo "== $files files, $(nproc) cores, warm page cache"
# the comparison with ffprobe reads every file (no cache), as ffprobe does
t0=$(now); "$reel" probe --json --quiet --no-cache "$lib" >"$work/reel-header.jsonl" || true; t1=$(now)
reel_header=$(secs "$t0" "$t1")
t0=$(now); "$reel" probe --json --quiet --no-cache --deep "$lib" >"$work/reel-deep.jsonl" || true; t1=$(now)
reel_deep=$(secs "$t0" "$t1")
# a second probe of the unchanged folder: the first run fills the cache, the second reads it
"$reel" probe --json --quiet --cache "$cache" "$lib" >/dev/null || true
t0=$(now); "$reel" probe --json --quiet --cache "$cache" "$lib" >"$work/reel-cached.jsonl" || true; t1=$(now)
reel_cached=$(secs "$t0" "$t1")
cmp -s "$work/reel-header.jsonl" "$work/reel-cached.jsonl" || echo "bench: cached output differs from a fresh probe" >&2
t0=$(now)
find "$lib" -type f -print0 | xargs -0 -P2 -n1 ffprobe -v error -show_format -show_streams -of json >"$work/ffprobe.json"
t1=$(now)
ffprobe_time=$(secs "$t0" "$t1")

ok_header=$(grep -c '"playable":true' "$work/reel-header.jsonl" || true)
ok_deep=$(grep -c '"playable":true' "$work/reel-deep.jsonl" || true)
printf 'ffprobe per file, 2 parallel: %8.2fs  %8.0f files/s\n' "$ffprobe_time" "$(echo "$files / $ffprobe_time" | bc -l)"
printf 'reel probe (header):          %8.2fs  %8.0f files/s  %6.1fx faster  (%s playable)\n' \
  "$reel_header" "$(echo "$files / $reel_header" | bc -l)" "$(echo "$ffprobe_time / $reel_header" | bc -l)" "$ok_header"
printf 'reel probe --deep:            %8.2fs  %8.0f files/s  %6.1fx faster  (%s playable)\n' \
  "$reel_deep" "$(echo "$files / $reel_deep" | bc -l)" "$(echo "$ffprobe_time / $reel_deep" | bc -l)" "$ok_deep"
printf 'reel probe, cache warm:       %8.2fs  %8.0f files/s  %6.1fx faster  (%s)\n' \
  "$reel_cached" "$(echo "$files / $reel_cached" | bc -l)" "$(echo "$ffprobe_time / $reel_cached" | bc -l)" \
  "$("$reel" cache stats --cache "$cache" | grep 'last probe')"
echo "(reel times include JVM start-up and the FFmpeg library load)"

if [ "$names" -gt 0 ]; then
  if [ "$(find "$scale" -type f 2>/dev/null | wc -l)" -lt "$names" ]; then
    echo "bench: making $names hard-link names to the $files files in $scale" >&2
    rm -rf "$scale"
    mapfile -t src < <(find "$lib" -type f | sort)
    for ((i = 0; i < names; i++)); do
      d="$scale/$((i / 1000))"
      [ $((i % 1000)) -eq 0 ] && mkdir -p "$d"
      f="${src[$((i % ${#src[@]}))]}"
      ln "$f" "$d/n$i.${f##*.}"
    done
  fi
  echo "== $names names (hard links), header mode, peak RSS"
  t0=$(now)
  /usr/bin/time -f '%M' -o "$work/rss.txt" "$reel" probe --json --quiet --cache "$cache" "$scale" >/dev/null || true
  t1=$(now)
  rss_kib=$(tail -n1 "$work/rss.txt")
  printf 'reel probe over %d names, cache cold:  %8.2fs  %8.0f files/s  peak RSS %d MB\n' \
    "$names" "$(secs "$t0" "$t1")" "$(echo "$names / $(secs "$t0" "$t1")" | bc -l)" "$((rss_kib / 1024))"
  t0=$(now)
  /usr/bin/time -f '%M' -o "$work/rss.txt" "$reel" probe --json --quiet --cache "$cache" "$scale" >/dev/null || true
  t1=$(now)
  rss_kib=$(tail -n1 "$work/rss.txt")
  printf 'reel probe over %d names, cache warm:  %8.2fs  %8.0f files/s  peak RSS %d MB  (%s)\n' \
    "$names" "$(secs "$t0" "$t1")" "$(echo "$names / $(secs "$t0" "$t1")" | bc -l)" "$((rss_kib / 1024))" \
    "$("$reel" cache stats --cache "$cache" | grep 'last probe')"
fi
