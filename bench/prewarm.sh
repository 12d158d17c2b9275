#!/usr/bin/env bash
# Benchmark: `reel prewarm --from-list` against hey for the same requests, in one run, on an nginx
# (Debian package) on 127.0.0.1 serving a 10 KB file for every path. Then the floor: the seed
# pre-warmer's approach (Python requests + a thread pool) on a sample, and a 1,000,000-request run
# with -Xmx128m for peak RSS.
#
#   bench/prewarm.sh [REQUESTS] [CONCURRENCY] [BIG_RUN]     defaults: 200000 64 1000000
#   needs: apt-get install nginx hey   (and python3-requests for the floor, optional)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
total=${1:-200000}
conc=${2:-64}
big=${3:-1000000}
work=${REEL_BENCH_DIR:-/tmp/reel-bench}/prewarm
port=${REEL_BENCH_PORT:-18089}
reel="$here/reel"
for tool in nginx hey bc; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing: apt-get install $tool" >&2; exit 2; }
done
mkdir -p "$work/www"
head -c 10240 /dev/urandom >"$work/www/file.bin"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    root $work/www;
    location / { try_files /file.bin =404; }
  }
}
CONF
nginx -c "$work/nginx.conf"
trap 'kill "$(cat "$work/nginx.pid")" 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
seq 1 "$total" | sed 's#^#videos/v#; s#$#.mp4#' >"$work/list.txt"
"$reel" --version >/dev/null # builds the jar if needed, outside the timings

now() { date +%s.%N; }
rate() { echo "$1 / ($3 - $2)" | bc -l; }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "== $total GET requests of a 10 KB file, concurrency $conc, nginx on 127.0.0.1 ($(nproc) cores)"
hey -n 1000 -c "$conc" "$base/warm" >/dev/null # nginx's caches, not the tools, get warmed
rounds=${REEL_BENCH_ROUNDS:-5}
: >"$work/hey.rates"; : >"$work/reel.rates"
for _ in $(seq "$rounds"); do # interleaved, so that both see the same machine
  t0=$(now); hey -n "$total" -c "$conc" "$base/videos/v1.mp4" >"$work/hey.txt"; t1=$(now)
  rate "$total" "$t0" "$t1" >>"$work/hey.rates"
  t0=$(now)
  "$reel" prewarm --from-list "$work/list.txt" --base-url "$base" --derivatives desktop \
    -c "$conc" -q --json >"$work/reel.json"
  t1=$(now)
  rate "$total" "$t0" "$t1" >>"$work/reel.rates"
done
hey_rate=$(median <"$work/hey.rates")
reel_rate=$(median <"$work/reel.rates")
echo "hey runs (requests/s):  $(sort -n "$work/hey.rates" | xargs printf '%.0f ')"
echo "reel runs (requests/s): $(sort -n "$work/reel.rates" | xargs printf '%.0f ')"
rm -f "$work/results.jsonl"
t0=$(now)
"$reel" prewarm --from-list "$work/list.txt" --base-url "$base" --derivatives desktop \
  -c "$conc" -q --json --results "$work/results.jsonl" >"$work/reel-results.json"
t1=$(now)
results_rate=$(rate "$total" "$t0" "$t1")
printf 'hey (median of %d):                 %8.0f requests/s\n' "$rounds" "$hey_rate"
printf 'reel prewarm (median of %d):        %8.0f requests/s  (%.2fx hey)\n' "$rounds" "$reel_rate" "$(echo "$reel_rate / $hey_rate" | bc -l)"
printf 'reel prewarm --results (JSONL):     %8.0f requests/s  (%.2fx hey)\n' "$results_rate" "$(echo "$results_rate / $hey_rate" | bc -l)"
echo "(wall time of each whole command: JVM start-up, listing and the summary included)"
grep -h '"ok"' "$work/reel.json" | head -1 | sed 's/^ */reel ok: /'

if /usr/bin/python3 -c 'import requests' 2>/dev/null; then
  sample=$((total / 10))
  t0=$(now)
  /usr/bin/python3 - "$work/list.txt" "$base" "$sample" "$conc" <<'PY'
import sys, requests
from concurrent.futures import ThreadPoolExecutor
lst, base, n, conc = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
paths = [l.strip() for _, l in zip(range(n), open(lst))]
session = requests.Session()
adapter = requests.adapters.HTTPAdapter(pool_connections=conc, pool_maxsize=conc)
session.mount("http://", adapter)
def get(p):
    r = session.get(f"{base}/{p}?imwidth=1920")
    return r.status_code, len(r.content)
with ThreadPoolExecutor(conc) as pool:
    codes = [c for c, _ in pool.map(get, paths)]
assert all(c == 200 for c in codes)
PY
  t1=$(now)
  py_rate=$(rate "$sample" "$t0" "$t1")
  printf 'python requests + thread pool:      %8.0f requests/s  (%d requests; reel is %.1fx)\n' "$py_rate" "$sample" "$(echo "$reel_rate / $py_rate" | bc -l)"
fi

echo "== $big requests: hey, and reel with -Xmx128m and a results file (peak RSS)"
seq 1 "$big" | sed 's#^#videos/v#; s#$#.mp4#' >"$work/big.txt"
t0=$(now); hey -n "$big" -c "$conc" "$base/videos/v1.mp4" >/dev/null; t1=$(now)
hey_big=$(rate "$big" "$t0" "$t1")
rm -f "$work/big.jsonl"
t0=$(now)
REEL_JAVA_OPTS=-Xmx128m /usr/bin/time -f '%M' -o "$work/big.rss" \
  "$reel" prewarm --from-list "$work/big.txt" --base-url "$base" --derivatives desktop \
  -c "$conc" -q --json --results "$work/big.jsonl" >"$work/big.json" 2>/dev/null
t1=$(now)
reel_big=$(rate "$big" "$t0" "$t1")
printf 'hey:                                %8.0f requests/s\n' "$hey_big"
printf 'reel prewarm --results, -Xmx128m:   %8.0f requests/s  (%.2fx hey), peak RSS %d MB\n' \
  "$reel_big" "$(echo "$reel_big / $hey_big" | bc -l)" "$(($(tail -1 "$work/big.rss") / 1024))"
echo "results lines: $(($(wc -l <"$work/big.jsonl") - 1)), ok: $(grep -m1 '"ok"' "$work/big.json" | tr -dc 0-9)"
