#!/usr/bin/env bash
# Benchmark: `reel identify` over 1,000,000 names (guessit's dev inputs repeated), on one thread
# and on all cores, against guessit when it is installed (apt-get install python3-guessit).
# guessit parses about 30 names/s, so it is timed in-process on a sample and compared by rate.
#
#   bench/identify.sh [NAMES] [GUESSIT_SAMPLE]     defaults: 1000000 names, 2000 for guessit
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
total=${1:-1000000}
sample=${2:-2000}
work=${REEL_BENCH_DIR:-/tmp/reel-bench}
data="$here/../shared/data/filenames"
names="$work/names-$total.txt"
reel="$here/reel"
mkdir -p "$work"
"$reel" --version >/dev/null # builds the jar if needed, outside the timings

python3 - "$data" "$names" "$total" <<'PY'
import json, sys
data, out, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
inputs = []
for f in ("guessit-cases.jsonl", "guessit-rule-cases.jsonl"):
    with open(f"{data}/{f}") as fh:
        inputs += [json.loads(l)["input"].replace("\n", " ") for l in fh if l.strip()]
with open(out, "w") as fh:
    for i in range(total):
        fh.write(inputs[i % len(inputs)] + "\n")
PY

now() { date +%s.%N; }
rate() { echo "$1 / ($3 - $2)" | bc -l; }

echo "== $total names ($(nproc) cores)"
t0=$(now); "$reel" identify --json --from "$names" >/dev/null; t1=$(now)
one=$(rate "$total" "$t0" "$t1")
t0=$(now); "$reel" identify --json --workers "$(nproc)" --from "$names" >/dev/null; t1=$(now)
all=$(rate "$total" "$t0" "$t1")
printf 'reel identify, 1 thread:      %10.0f names/s\n' "$one"
printf 'reel identify, %d threads:     %10.0f names/s\n' "$(nproc)" "$all"
echo "(JVM start-up, reading the file and writing JSON lines are included)"

py=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import guessit' 2>/dev/null; then py=$candidate; break; fi
done
if [ -n "$py" ]; then
  g=$(head -n "$sample" "$names" | "$py" -c '
import sys, time, guessit
names = [l.rstrip("\n") for l in sys.stdin]
t = time.perf_counter()
for n in names:
    guessit.guessit(n)
print(len(names) / (time.perf_counter() - t))')
  printf 'guessit %s (in-process, %d names): %8.1f names/s\n' \
    "$("$py" -c 'import guessit; print(guessit.__version__)')" "$sample" "$g"
  printf 'reel (1 thread) is %.0fx faster than guessit\n' "$(echo "$one / $g" | bc -l)"
else
  echo "guessit not installed; for the comparison: apt-get install python3-guessit"
fi
