#!/usr/bin/env bash
# Benchmark: `reel organize` on a generated Downloads folder of FILES distinct small videos with
# real-world names (the guessit dev set, varied), 5% byte-identical duplicates and sidecars:
# plan with a cold cache, plan with a warm cache, apply (move within one file system), undo; then
# a plan of SCALE names (hard links) for memory; and the seed tools' way (one ffprobe process per
# file) on the first 500 files for the ratio. See docs/BENCHMARKS.md.
#
#   bench/organize.sh [FILES] [SCALE]        defaults: 10000 files, 100000 names
#
# Needs python3, /usr/bin/time, and ffprobe for the comparison only: apt-get install ffmpeg time
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
files=${1:-10000}
scale=${2:-100000}
work=${REEL_BENCH_DIR:-/tmp/reel-bench}
media="$work/lib-2000"
in="$work/organize-in-$files"
big="$work/organize-scale-$scale"
lib="$work/organize-lib"
cache="$work/organize-cache"
reel="$here/reel"
cases="$here/reel-core/src/test/resources/filenames/guessit-cases.jsonl"

command -v ffprobe >/dev/null 2>&1 || { echo "bench: install ffprobe for the comparison: apt-get install ffmpeg" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed to make the library" >&2; exit 2; }

"$reel" --version >/dev/null # builds the jar if needed, outside the timings
mkdir -p "$work"
if [ "$(find "$media" -type f 2>/dev/null | wc -l)" -lt 2000 ]; then
  echo "bench: making 2000 distinct small videos in $media (once)" >&2
  "$reel" dev make-media --library "$media" --count 2000 --seconds 1 --size 160x120
fi
if [ ! -d "$in" ]; then
  python3 "$here/bench/organize-library.py" "$cases" "$media" "$in" "$files"
fi
videos=$(find "$in" -type f ! -name '*.srt' | wc -l)
all=$(find "$in" -type f | wc -l)
find "$in" -type f -exec cat {} + >/dev/null # warm page cache
rm -rf "$lib" "$cache"
# a first small run of each command, outside the timings, makes ./reel's class-data archives
warm="$work/organize-warmup"
rm -rf "$warm" && mkdir -p "$warm/in" && cp "$(find "$media" -name '*.mkv' | head -n1)" "$warm/in/Show.S01E01.mkv"
"$reel" organize "$warm/in" --into "$warm/lib" --cache "$warm/cache" --apply -q >/dev/null 2>&1 || true
"$reel" undo --cache "$warm/cache" -q >/dev/null 2>&1 || true

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }
# runs reel under /usr/bin/time; prints "seconds peak-RSS-MB" and keeps the phases line
run() {
  local t0 t1
  t0=$(now)
  /usr/bin/time -f '%M' -o "$work/rss.txt" "$reel" "$@" --progress none >"$work/out.txt" 2>"$work/err.txt" || true
  t1=$(now)
  echo "$(secs "$t0" "$t1") $(($(tail -n1 "$work/rss.txt") / 1024))"
}
phase() { grep -o "$1 [0-9.]*s" "$work/err.txt" | head -n1 | grep -o '[0-9.]*' || echo 0; }
line() { # label seconds rss count [phase-seconds]
  local rate inproc=""
  rate=$(echo "$4 / $2" | bc -l)
  [ -n "${5:-}" ] && [ "$5" != 0 ] && inproc=$(printf '  (%s in-process: %.2fs, %.0f files/s)' "$6" "$5" "$(echo "$4 / $5" | bc -l)")
  printf '%-34s %7.2fs %8.0f files/s  peak RSS %4d MB%s\n' "$1" "$2" "$rate" "$3" "$inproc"
}

echo "== $videos videos + $((all - videos)) sidecars in $in, $(nproc) cores, warm page cache"
read -r t rss < <(run organize "$in" --into "$lib" --cache "$cache" --json)
p=$(echo "$(phase 'walk+probe+identify') + $(phase 'hash+plan')" | bc -l)
line "plan, cache cold" "$t" "$rss" "$all" "$p" "plan"
grep -o '"kind":"[a-z]*","action":"[a-z]*"' "$work/out.txt" | sort | uniq -c | sed 's/^/    /'
read -r t rss < <(run organize "$in" --into "$lib" --cache "$cache" --json)
p=$(echo "$(phase 'walk+probe+identify') + $(phase 'hash+plan')" | bc -l)
line "plan, cache warm" "$t" "$rss" "$all" "$p" "plan"
before=$(cd "$in" && find . -type f -print0 | sort -z | xargs -0 cat | md5sum)
read -r t rss < <(run organize "$in" --into "$lib" --cache "$cache" --apply)
acts=$(grep -c '^done' "$work/out.txt" || true)
line "apply (move, one file system)" "$t" "$rss" "$acts" "$(phase apply)" "apply"
grep '^organize:' "$work/err.txt" | sed 's/^/    /'
read -r t rss < <(run organize "$in" --into "$lib" --cache "$cache" --json)
line "re-run over the organized source" "$t" "$rss" "$(wc -l <"$work/out.txt")"
read -r t rss < <(run undo --cache "$cache")
line "undo" "$t" "$rss" "$acts"
after=$(cd "$in" && find . -type f -print0 | sort -z | xargs -0 cat | md5sum)
[ "$before" = "$after" ] && echo "    undo: every source file back, bytes identical" || echo "bench: undo did not restore the sources" >&2
[ -e "$lib" ] && echo "bench: $lib still exists after undo" >&2

echo "== the seed tools' way: one ffprobe process per file, first 500 files"
find "$in" -type f ! -name '*.srt' | sort >"$work/videos.txt"
head -n 500 "$work/videos.txt" >"$work/first500.txt"
t0=$(now)
while IFS= read -r f; do ffprobe -v error -show_format -show_streams -of json "$f" </dev/null >/dev/null 2>&1 || true; done <"$work/first500.txt"
t1=$(now)
ff=$(secs "$t0" "$t1")
rm -rf "$cache"
read -r t rss < <(run organize "$in" --into "$lib" --cache "$cache" --json)
printf 'ffprobe per file (500 files):      %7.2fs %8.0f files/s\n' "$ff" "$(echo "500 / $ff" | bc -l)"
printf 'reel plan, cache cold (%d files): %7.2fs %8.0f files/s  -> %.0fx the files/s\n' "$all" "$t" "$(echo "$all / $t" | bc -l)" \
  "$(echo "($all / $t) / (500 / $ff)" | bc -l)"

if [ "$scale" -gt 0 ]; then
  if [ ! -d "$big" ]; then
    python3 "$here/bench/organize-library.py" "$cases" "$media" "$big" "$scale" --link "$in"
  fi
  echo "== $scale names (hard links to the $files files), peak RSS"
  rm -rf "$cache"
  read -r t rss < <(run organize "$big" --into "$lib" --cache "$cache" --json)
  p=$(echo "$(phase 'walk+probe+identify') + $(phase 'hash+plan')" | bc -l)
  line "plan $scale, cache cold" "$t" "$rss" "$scale" "$p" "plan"
  read -r t rss < <(run organize "$big" --into "$lib" --cache "$cache" --json)
  p=$(echo "$(phase 'walk+probe+identify') + $(phase 'hash+plan')" | bc -l)
  line "plan $scale, cache warm" "$t" "$rss" "$scale" "$p" "plan"
fi
echo "(reel times include JVM start-up; 'in-process' is the job's own phases)"
