#!/usr/bin/env bash
# Benchmark: `reel organize --lookup tmdb` on 10,000 episode files of 40 shows (5 seasons of 50
# episodes each) against a local TMDB-like server (bench/fake-tmdb.py) that answers every request
# after 20 ms. Targets (issue #12): at most 40 searches plus one call per (show, season) on a cold
# cache, none on a warm one, and the cold plan at 500 files/s or more. See docs/BENCHMARKS.md.
#
#   bench/organize-lookup.sh [FILES_PER_SEASON]      needs python3 and /usr/bin/time
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work=${REEL_BENCH_DIR:-/tmp/reel-bench}/organize-lookup
reel="$here/reel"
per=${1:-50}
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"
in="$work/in-$per"
if [ ! -d "$in" ]; then
  echo "bench: making $((40 * 5 * per)) episode files in $in (once)" >&2
  "$reel" dev make-media "$work/base.mkv" --seconds 0.3 --size 160x120 -q
  python3 - "$work/base.mkv" "$in.tmp" "$per" <<'PY'
import os, sys
base, out, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(base, "rb").read()
words = ["north", "river", "glass", "winter", "signal", "harbor", "copper", "lantern", "echo", "orchard"]
for s in range(40):
    show = ".".join(w.capitalize() for w in (words[s % 10], words[(s * 3 + 1) % 10], "%02d" % s))
    for season in range(1, 6):
        d = os.path.join(out, "%s.S%02d.720p.WEB.x264-GRP" % (show, season))
        os.makedirs(d, exist_ok=True)
        for e in range(1, per + 1):
            name = "%s.S%02dE%02d.720p.WEB.x264-GRP.mkv" % (show, season, e)
            with open(os.path.join(d, name), "wb") as f:
                f.write(data + name.encode())  # distinct bytes after the segment: no duplicates
PY
  mv "$in.tmp" "$in"
fi
port=$((20000 + RANDOM % 20000))
python3 "$here/bench/fake-tmdb.py" "$port" 20 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s "http://127.0.0.1:$port/stats" >/dev/null 2>&1 && break; python3 -c 'import time; time.sleep(0.1)'; done
stats() { curl -s "http://127.0.0.1:$port/stats"; }
lib="$work/lib"; rm -rf "$lib" "$work/cache"; mkdir -p "$lib"
files=$(find "$in" -name '*.mkv' | wc -l)
run() {
  /usr/bin/time -f '%e %M' -o "$work/t.txt" env TMDB_API_KEY=bench "$reel" organize "$in" --into "$lib" \
    --lookup tmdb --tmdb-url "http://127.0.0.1:$port/3" --cache "$work/cache" --json >"$work/plan.jsonl" 2>"$work/err.txt"
  read -r secs kb <"$work/t.txt"
  printf '%-34s %7.2fs %6.0f files/s %5d MB  requests so far: %s\n' "$1" "$secs" "$(echo "$files / $secs" | bc -l)" $((kb / 1024)) "$(stats)"
  grep -h "TMDB:" "$work/err.txt" | sed 's/^/    /' || true
}
echo "== $files episode files of 40 shows x 5 seasons; fake TMDB with 20 ms per request; $(nproc) cores"
"$reel" organize --help >/dev/null
run "cold plan (empty cache)"
run "warm plan (lookups and scans cached)"
grep -c ' - Episode [0-9]' "$work/plan.jsonl" | sed 's/^/    targets with an episode title: /'
head -n 1 "$work/plan.jsonl" | sed 's/.*"target":"\([^"]*\)".*/    e.g. \1/'
