#!/usr/bin/env bash
# Benchmark: `reel identify` over 1,000,000 names on one thread and on all cores, in two mixes:
#   full  - full release names only (guessit's 791 file-name cases: scene, P2P and anime releases,
#           many with folders), the realistic input of a Downloads folder;
#   dev   - guessit's dev inputs as the accuracy test reads them (half are short rule cases).
# Against guessit when it is installed (apt-get install python3-guessit); guessit parses about 30
# names/s, so it is timed in-process on a sample and compared by rate.
#
#   bench/identify.sh [NAMES] [GUESSIT_SAMPLE]     defaults: 1000000 names, 2000 for guessit
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
total=${1:-1000000}
sample=${2:-2000}
work=${REEL_BENCH_DIR:-/tmp/reel-bench}
data="$here/reel-core/src/test/resources/filenames"
reel="$here/reel"
mkdir -p "$work"
"$reel" --version >/dev/null # builds the jar if needed, outside the timings

python3 - "$data" "$work" "$total" <<'PY'
import json, sys
data, work, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
def read(f):
    with open(f"{data}/{f}") as fh:
        return [json.loads(l)["input"].replace("\n", " ") for l in fh if l.strip()]
full = read("guessit-cases.jsonl")
mixes = {"full": full, "dev": full + read("guessit-rule-cases.jsonl")}
for name, inputs in mixes.items():
    with open(f"{work}/names-{name}-{total}.txt", "w") as fh:
        for i in range(total):
            fh.write(inputs[i % len(inputs)] + "\n")
PY

now() { date +%s.%N; }
rate() { echo "$1 / ($3 - $2)" | bc -l; }

echo "== $total names per mix ($(nproc) cores; JVM start-up, reading the file and writing JSON lines included)"
for mix in full dev; do
  names="$work/names-$mix-$total.txt"
  t0=$(now); "$reel" identify --json -q --from "$names" >/dev/null; t1=$(now)
  one=$(rate "$total" "$t0" "$t1")
  t0=$(now); "$reel" identify --json -q --workers "$(nproc)" --from "$names" >/dev/null; t1=$(now)
  all=$(rate "$total" "$t0" "$t1")
  printf '%-4s mix: reel identify, 1 thread: %8.0f names/s; %d threads: %8.0f names/s\n' \
    "$mix" "$one" "$(nproc)" "$all"
  [ "$mix" = full ] && full_one=$one
done

py=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import guessit' 2>/dev/null; then py=$candidate; break; fi
done
if [ -n "$py" ]; then
  g=$(head -n "$sample" "$work/names-full-$total.txt" | "$py" -c '
import sys, time, guessit
names = [l.rstrip("\n") for l in sys.stdin]
t = time.perf_counter()
for n in names:
    guessit.guessit(n)
print(len(names) / (time.perf_counter() - t))')
  printf 'guessit %s (in-process, %d full names): %8.1f names/s\n' \
    "$("$py" -c 'import guessit; print(guessit.__version__)')" "$sample" "$g"
  printf 'reel (1 thread, full mix) is %.0fx faster than guessit\n' "$(echo "$full_one / $g" | bc -l)"
else
  echo "guessit not installed; for the comparison: apt-get install python3-guessit"
fi
