#!/usr/bin/env bash
# reel-spark on a real cluster on one machine: a Spark standalone master and two workers as
# separate JVMs on 127.0.0.1, started from reel-spark's own jars (no Spark download), jobs
# submitted with Spark's SparkSubmit (what spark-submit runs) in client mode.
#
#  1. probe over FILES fixture videos: `reel probe --json` against `spark-submit ... probe --json`,
#     once undisturbed (throughput) and once with a worker (and its executor) killed mid-run: the
#     JSON lines must be identical to the local run's, in the same order, none lost or doubled.
#  2. prewarm over REQUESTS requests against nginx on 127.0.0.1: `reel prewarm` against
#     `spark-submit ... prewarm --results DIR`, undisturbed and with a worker killed mid-run: the
#     summary must count every request once, and the part files must hold each pair once.
#
#   bench/spark.sh [FILES] [REQUESTS]        defaults: 20000 200000
#   needs: apt-get install nginx bc
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
files=${1:-20000}
total=${2:-200000}
work=${REEL_BENCH_DIR:-/tmp/reel-bench}/spark
port=${REEL_BENCH_PORT:-18090}
master_port=${REEL_SPARK_PORT:-17077}
reel="$here/reel"
for tool in nginx bc; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing: apt-get install $tool" >&2; exit 2; }
done
. "$here/scripts/find-java.sh"
reel_find_java
java="$JAVA_HOME/bin/java"
mkdir -p "$work"
rm -rf "$work/parts" "$work/parts-kill" "$work/cluster"
mkdir -p "$work/cluster"

"$reel" --version >/dev/null                   # builds the core jar if needed, outside the timings
"$reel" spark --version >/dev/null             # builds reel-spark if needed
jar="$here/reel-spark/target/reel-spark.jar"
cp="$(cat "$here/reel-spark/target/spark-classpath.txt")"

# a Spark home for the master and workers: Spark with every library it needs, and none of reel's
# own (reel and FFmpeg reach the executors only inside reel-spark.jar, as on a real cluster)
home="$work/cluster/spark-home"
mkdir -p "$home/jars"
(cd "$here" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl reel-spark -am package \
  dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$work/cluster/all.txt" >/dev/null)
tr ':' '\n' <"$work/cluster/all.txt" | grep -v -e '/dev/reel/' -e '/reel-core/' -e '/org/bytedeco/' -e '/slf4j-nop/' |
  while read -r j; do ln -sf "$j" "$home/jars/"; done
cp="$home/jars/*"
log4j="$here/reel-spark/src/main/resources/reel-spark-log4j2.properties"
pids=()
cleanup() {
  for p in "${pids[@]}"; do pkill -9 -P "$p" 2>/dev/null || true; kill -9 "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
spark_java() { SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 "$java" --enable-native-access=ALL-UNNAMED -cp "$cp" "$@"; } # Spark's own INFO log
spark_java org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$master_port" \
  --webui-port 0 >"$work/cluster/master.log" 2>&1 &
pids+=($!)
start_worker() { # name
  mkdir -p "$work/cluster/$1"
  SPARK_WORKER_DIR="$work/cluster/$1" spark_java org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory 3g --webui-port 0 --work-dir "$work/cluster/$1" \
    "spark://127.0.0.1:$master_port" >"$work/cluster/$1.log" 2>&1 &
  pids+=($!)
  echo $! >"$work/cluster/$1.pid"
}
start_worker w1
start_worker w2
for _ in $(seq 60); do
  [ "$(grep -c "Registering worker" "$work/cluster/master.log" 2>/dev/null)" -ge 2 ] && break
  sleep 1
done
grep -c "Registering worker" "$work/cluster/master.log" | grep -q 2 || { echo "bench: the workers did not register" >&2; exit 1; }

# executors get the JVM flags ./reel gives the local job: C1 only for probe's native work
submit() { # reel-spark arguments...
  local jit="-XX:+UseSerialGC"
  [ "$1" = probe ] && jit="$jit -XX:TieredStopAtLevel=1"
  "$java" --enable-native-access=ALL-UNNAMED $jit -Dlog4j2.configurationFile="$log4j" -cp "$jar:$cp" \
    org.apache.spark.deploy.SparkSubmit --master "spark://127.0.0.1:$master_port" \
    --conf spark.executor.extraJavaOptions="--enable-native-access=ALL-UNNAMED $jit" \
    --conf spark.executor.memory=2g --class dev.reel.spark.Main "$jar" "$@"
}
# kills the victim worker and its executor (mid-task: when `ready` says so), then starts a fresh
# worker so that the next run has two again
victim=w2
kill_worker_when() { # command that succeeds when it is time
  for _ in $(seq 3000); do
    if "$@"; then
      local w; w=$(cat "$work/cluster/$victim.pid")
      pkill -9 -P "$w" 2>/dev/null || true
      kill -9 "$w" 2>/dev/null || true
      echo "  killed worker $victim and its executor ($1 ${2%%.*}${3:+ $3})"
      victim="$victim-again"
      start_worker "$victim"
      return 0
    fi
    sleep 0.1
  done
}
lines_in() { [ "$(wc -l <"$1" 2>/dev/null || echo 0)" -ge "$2" ]; }
lines_written() { [ "$(cat "$1"/part-*.jsonl 2>/dev/null | wc -l)" -ge "$2" ]; }
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }

# ---- 1. probe ----
lib="$work/lib-$files"
if [ ! -f "$lib/.complete" ]; then
  echo "bench: making $files fixture videos in $lib (once)" >&2
  "$reel" dev make-media --library "$lib" --count "$files" --seconds 1 --size 160x120 -q
  touch "$lib/.complete"
fi
echo "== probe, $files files (1 s, 160x120, 7 containers), $(nproc) cores; cluster: 2 workers x 1 core"
rounds=${REEL_BENCH_ROUNDS:-2}
for r in $(seq "$rounds"); do # interleaved: the machine's speed moves by tens of percent
  t0=$(now); "$reel" probe "$lib" --json --no-cache -q >"$work/probe-local.jsonl" || true; t1=$(now)
  local_s=$(secs "$t0" "$t1")
  t0=$(now); submit probe "$lib" --json --progress none >"$work/probe-spark.jsonl" 2>"$work/probe-spark.err" || true; t1=$(now)
  spark_s=$(secs "$t0" "$t1")
  job_s=$(sed -n 's/.* in \([0-9.]*\)s (.*/\1/p' "$work/probe-spark.err" | tail -n 1)
  printf '%-58s %7.2fs %8.0f files/s\n' "reel probe --json --no-cache (local, 2 workers)" "$local_s" "$(echo "$files / $local_s" | bc -l)"
  printf '%-58s %7.2fs %8.0f files/s  %.2fx local (job %ss)\n' "spark-submit probe --json (2 workers x 1 core)" "$spark_s" \
    "$(echo "$files / $spark_s" | bc -l)" "$(echo "$local_s / $spark_s" | bc -l)" "${job_s:-?}"
  cmp -s "$work/probe-local.jsonl" "$work/probe-spark.jsonl" && echo "  same JSON lines as the local run, same order" ||
    { echo "bench: spark probe output differs from the local run" >&2; exit 1; }
done

t0=$(now)
submit probe "$lib" --json --progress json >"$work/probe-kill.jsonl" 2>"$work/probe-kill.err" &
job=$!
# mid-run: once the driver has printed a third of the lines, both executors are inside tasks
kill_worker_when lines_in "$work/probe-kill.jsonl" $((files / 3))
wait "$job" || true
t1=$(now)
printf '%-58s %7.2fs\n' "spark-submit probe, a worker killed mid-run" "$(secs "$t0" "$t1")"
lines=$(wc -l <"$work/probe-kill.jsonl")
dups=$(cut -d, -f1 "$work/probe-kill.jsonl" | sort | uniq -d | wc -l)
echo "  $lines lines, $dups paths twice; $(grep -c 'Lost executor' "$work/probe-kill.err") executor lost;" \
  "$(tail -n 1 "$work/probe-kill.err")"
cmp -s "$work/probe-local.jsonl" "$work/probe-kill.jsonl" && echo "  same JSON lines as the local run, same order" ||
  { echo "bench: spark probe output after the kill differs from the local run" >&2; exit 1; }

# ---- 2. prewarm ----
mkdir -p "$work/www"
head -c 10240 /dev/urandom >"$work/www/file.bin"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log $work/access.log;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    root $work/www;
    location / { try_files /file.bin =404; }
  }
}
CONF
: >"$work/access.log"
nginx -c "$work/nginx.conf"
base="http://127.0.0.1:$port"
seq 1 "$total" | sed 's#^#videos/v#; s#$#.mp4#' >"$work/list.txt"
echo "== prewarm, $total GET requests of a 10 KB file, nginx on 127.0.0.1"
for r in $(seq "$rounds"); do
  rm -rf "$work/prewarm-local.jsonl" "$work/parts"
  t0=$(now)
  "$reel" prewarm --from-list "$work/list.txt" --base-url "$base" --derivatives desktop -c 64 \
    --results "$work/prewarm-local.jsonl" -q --json >"$work/prewarm-local.json" 2>/dev/null
  t1=$(now); local_s=$(secs "$t0" "$t1")
  t0=$(now)
  submit prewarm --from-list "$work/list.txt" --base-url "$base" --derivatives desktop -c 32 \
    --results "$work/parts" --progress none --json >"$work/prewarm-spark.json" 2>"$work/prewarm-spark.err"
  t1=$(now); spark_s=$(secs "$t0" "$t1")
  job_s=$(sed -n 's/.* in \([0-9.]*\)s (.*/\1/p' "$work/prewarm-spark.err" | tail -n 1)
  printf '%-58s %7.2fs %8.0f req/s\n' "reel prewarm -c 64 --results FILE (local)" "$local_s" "$(echo "$total / $local_s" | bc -l)"
  printf '%-58s %7.2fs %8.0f req/s  %.2fx local (job %ss)\n' "spark-submit prewarm -c 32 per part --results DIR" "$spark_s" \
    "$(echo "$total / $spark_s" | bc -l)" "$(echo "$local_s / $spark_s" | bc -l)" "${job_s:-?}"
done
echo "  $(grep -h 'merged the statistics' "$work/prewarm-spark.err")"
python3 - "$work/prewarm-local.json" "$work/prewarm-spark.json" <<'PY'
import json, sys
a, b = (json.load(open(f))["overall"] for f in sys.argv[1:3])
print("  requests: local %d, spark %d; ok: local %d, spark %d" % (a["requests"], b["requests"], a["ok"], b["ok"]))
assert a["requests"] == b["requests"] and a["ok"] == b["ok"], "counts differ"
PY

before=$(wc -l <"$work/access.log")
t0=$(now)
submit prewarm --from-list "$work/list.txt" --base-url "$base" --derivatives desktop -c 32 \
  --results "$work/parts-kill" --progress json --json >"$work/prewarm-kill.json" 2>"$work/prewarm-kill.err" &
job=$!
# mid-task: once a third of the results are in the part files (flushed every second)
kill_worker_when lines_written "$work/parts-kill" $((total / 3))
wait "$job" || true
t1=$(now)
sent=$(($(wc -l <"$work/access.log") - before))
printf '%-58s %7.2fs\n' "spark-submit prewarm, a worker killed mid-task" "$(secs "$t0" "$t1")"
echo "  $(grep -c 'Lost executor' "$work/prewarm-kill.err") executor lost; part files continued by a task run again:" \
  "$(for f in "$work"/parts-kill/part-*.jsonl; do [ "$(grep -c reel_prewarm "$f")" -gt 1 ] && echo -n "$(basename "$f") "; done)"
echo "  $(grep -v '^{' "$work/prewarm-kill.err" | grep '^prewarm: [0-9]')"
python3 - "$work/prewarm-kill.json" "$work/parts-kill" "$total" "$sent" <<'PY'
import json, sys, os, collections
summary = json.load(open(sys.argv[1]))["overall"]
folder, total, sent = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
seen = collections.Counter()
for f in sorted(os.listdir(folder)):
    if f.endswith(".jsonl"):
        for line in open(os.path.join(folder, f)):
            try:
                r = json.loads(line)
            except ValueError:
                continue  # a line cut short by the kill
            if "object" in r and r.get("status") == 200:
                seen[(r["object"], r["derivative"])] += 1
twice = sum(1 for v in seen.values() if v > 1)
print("  summary: %d requests, %d ok; part files: %d pairs ok, %d twice; nginx saw %d requests (%d sent again)"
      % (summary["requests"], summary["ok"], len(seen), twice, sent, sent - total))
assert summary["requests"] == total and summary["ok"] == total, "summary does not count every request once"
assert len(seen) == total and twice == 0, "part files lost or doubled a pair"
PY
