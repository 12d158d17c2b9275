#!/usr/bin/env bash
# Benchmark: `reel render` on 16 sources (720p25 H.264 + AAC, 60 s each) and an edit list of 32
# clips of 5 s across them. `--mode copy` against ffmpeg's concat demuxer with stream copy (both
# on the same clips: ffmpeg's inpoint/outpoint); `--mode encode` against one ffmpeg process with
# the concat filter. Debian's ffmpeg has no OpenH264 (reel's default build's encoder), so the
# encode comparison uses libx264 -preset ultrafast on one thread and says so. See
# docs/BENCHMARKS.md.
#
#   bench/render.sh          needs ffmpeg and /usr/bin/time (apt-get install ffmpeg time)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work=${REEL_BENCH_DIR:-/tmp/reel-bench}/render
reel="$here/reel"
command -v ffmpeg >/dev/null 2>&1 || { echo "bench: ffmpeg is needed: apt-get install ffmpeg" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"
"$reel" --version >/dev/null
for i in $(seq -w 1 16); do
  f="$work/src$i.mp4"
  [ -f "$f" ] && continue
  echo "bench: making $f (once)" >&2
  ffmpeg -v error -f lavfi -i "testsrc2=size=1280x720:rate=25" -f lavfi -i "sine=frequency=$((200 + 10#$i * 50)):sample_rate=48000" \
    -t 60 -c:v libx264 -preset ultrafast -g 50 -pix_fmt yuv420p -c:a aac -ac 2 -y "$work/.tmp.mp4"
  mv "$work/.tmp.mp4" "$f"
done
cat "$work"/src*.mp4 >/dev/null
# 32 clips of 5 s: source k, then k+7 mod 16, ..., starting at varied points
{ echo "src,start,end"; for c in $(seq 0 31); do s=$(( (c * 7) % 16 + 1 )); t=$(( (c * 13) % 50 + 2 )); printf 'src%02d.mp4,%d,%d\n' "$s" "$t" $((t + 5)); done; } >"$work/timeline.csv"
{ for c in $(seq 0 31); do s=$(( (c * 7) % 16 + 1 )); t=$(( (c * 13) % 50 + 2 )); printf "file 'src%02d.mp4'\ninpoint %d\noutpoint %d\n" "$s" "$t" $((t + 5)); done; } >"$work/concat.txt"
filter_inputs=(); filter=""
for c in $(seq 0 31); do
  s=$(( (c * 7) % 16 + 1 )); t=$(( (c * 13) % 50 + 2 ))
  filter_inputs+=(-ss "$t" -t 5 -i "$work/$(printf 'src%02d.mp4' "$s")")
  filter+="[$c:v][$c:a]"
done
filter+="concat=n=32:v=1:a=1[v][a]"
"$reel" render "$work/timeline.csv" --out "$work/warm.mp4" --mode copy --overwrite -q >/dev/null 2>&1 || true

# 320 clips (the same 32, ten times over: 1,600 s of output), where start-up weighs less
{ echo "src,start,end"; for k in $(seq 10); do tail -n +2 "$work/timeline.csv"; done; } >"$work/timeline-320.csv"
for k in $(seq 10); do cat "$work/concat.txt"; done >"$work/concat-320.txt"

timed() { /usr/bin/time -f '%e %M' -o "$work/t.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }; cat "$work/t.txt"; }
# the median of three runs (this machine is a shared VM: single runs vary by 50%)
median3() { local a b c; a=$(timed "$@"); b=$(timed "$@"); c=$(timed "$@"); printf '%s\n%s\n%s\n' "$a" "$b" "$c" | sort -n | sed -n 2p; }
echo "== 16 sources of 60 s 720p25, 32 clips of 5 s (160 s of output), $(nproc) cores, warm page cache"
# copy outputs go to a RAM disk when there is one: on this VM's disk 1.4 GB of writeback makes
# either tool's run vary by 2x, and it is the tools' own cost that is compared here
out=${REEL_BENCH_OUT:-$([ -d /dev/shm ] && echo /dev/shm/reel-bench || echo "$work")}
mkdir -p "$out"
echo "(copy outputs in $out)"
for n in "" -320; do
  read -r fc fcm < <(median3 ffmpeg -v error -f concat -safe 0 -i "$work/concat$n.txt" -c copy -y "$out/ffmpeg-copy$n.mp4")
  rm -f "$out/ffmpeg-copy$n.mp4"
  read -r rc rcm < <(median3 "$reel" render "$work/timeline$n.csv" --out "$out/reel-copy$n.mp4" --mode copy --overwrite -q)
  [ -z "$n" ] && mv "$out/reel-copy.mp4" "$work/reel-copy.mp4"
  rm -f "$out/reel-copy$n.mp4"
  clips=$(( $(wc -l <"$work/timeline$n.csv") - 1 ))
  printf '%-52s %7.2fs %5d MB\n' "ffmpeg concat demuxer, -c copy, $clips clips" "$fc" $((fcm / 1024))
  printf '%-52s %7.2fs %5d MB  %.2fx ffmpeg\n' "reel render --mode copy, $clips clips" "$rc" $((rcm / 1024)) "$(echo "$rc / $fc" | bc -l)"
done
read -r vs vm < <(median3 "$reel" --version)
printf '%-52s %7.2fs %5d MB  (JVM start and loading FFmpeg: in every reel figure)\n' "reel --version" "$vs" $((vm / 1024))
[ "${REEL_BENCH_ONLY:-}" = copy ] && exit 0
# the GPL build (x264), made once in a copy of the tree so that ./reel keeps the default jar
gpl="$work/gpl-build"
if [ ! -f "$gpl/reel-core/target/reel-all.jar" ] || [ -n "$(find "$here/reel-core/src/main" "$here/reel-core/pom.xml" "$here/pom.xml" -newer "$gpl/reel-core/target/reel-all.jar" -print -quit)" ]; then
  echo "bench: building the GPL jar (./mvnw -Pgpl package) in $gpl" >&2
  rm -rf "$gpl"; mkdir -p "$gpl"
  mkdir -p "$gpl/reel-core"
  cp -r "$here/pom.xml" "$here/mvnw" "$here/.mvn" "$here/scripts" "$gpl/"
  cp -r "$here/reel-core/src" "$here/reel-core/pom.xml" "$gpl/reel-core/"
  rm -rf "$gpl/reel-core/src/test"
  (cd "$gpl" && ./mvnw -B -q -o -Pgpl -DskipTests -Dspotless.check.skip=true -pl reel-core package >/dev/null 2>&1 ||
    ./mvnw -B -q -Pgpl -DskipTests -Dspotless.check.skip=true -pl reel-core package >/dev/null) || { echo "bench: GPL build failed" >&2; exit 1; }
fi
. "$here/scripts/find-java.sh"; reel_find_java
reel_gpl="$work/reel-gpl"
printf '#!/bin/sh\nexec "%s/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "%s" "$@"\n' \
  "$JAVA_HOME" "$gpl/reel-core/target/reel-all.jar" >"$reel_gpl"
chmod +x "$reel_gpl"
"$JAVA_HOME/bin/java" -jar "$gpl/reel-core/target/reel-all.jar" --version | sed -n 2p
# MLT's melt: the same 32 clips (in/out in frames at 25 fps, out inclusive), x264 ultrafast
melt_args=()
for c in $(seq 0 31); do
  s=$(( (c * 7) % 16 + 1 )); t=$(( (c * 13) % 50 + 2 ))
  melt_args+=("$work/$(printf 'src%02d.mp4' "$s")" "in=$((t * 25))" "out=$((t * 25 + 124))")
done

echo "== encode: 32 clips of 5 s, 720p25, crf 23"
read -r fe fem < <(median3 ffmpeg -v error "${filter_inputs[@]}" -filter_complex "$filter" -map '[v]' -map '[a]' \
  -c:v libx264 -preset ultrafast -threads 1 -c:a aac -y "$work/ffmpeg-encode.mp4")
printf '%-58s %7.2fs %5d MB\n' "ffmpeg concat filter, x264 ultrafast, 1 thread" "$fe" $((fem / 1024))
read -r ft ftm < <(median3 ffmpeg -v error "${filter_inputs[@]}" -filter_complex "$filter" -map '[v]' -map '[a]' \
  -c:v libx264 -preset ultrafast -c:a aac -y "$work/ffmpeg-encode-mt.mp4")
printf '%-58s %7.2fs %5d MB\n' "ffmpeg concat filter, x264 ultrafast, x264's own threads" "$ft" $((ftm / 1024))
if command -v melt >/dev/null 2>&1; then
  read -r me mem < <(median3 melt -quiet "${melt_args[@]}" -consumer "avformat:$work/melt-encode.mp4" \
    vcodec=libx264 preset=ultrafast crf=23 acodec=aac real_time=-2)
  printf '%-58s %7.2fs %5d MB  %.2fx ffmpeg (1 thread)\n' "melt (MLT), x264 ultrafast, 2 threads" "$me" $((mem / 1024)) "$(echo "$me / $fe" | bc -l)"
fi
read -r rg rgm < <(median3 "$reel_gpl" render "$work/timeline.csv" --out "$work/reel-encode-x264.mp4" --preset ultrafast --overwrite -q)
printf '%-58s %7.2fs %5d MB  %.2fx ffmpeg (1 thread), %.2fx ffmpeg (threads)\n' "reel render, GPL build: x264 ultrafast, 2 segments at once" "$rg" $((rgm / 1024)) \
  "$(echo "$rg / $fe" | bc -l)" "$(echo "$rg / $ft" | bc -l)"
read -r re rem < <(median3 "$reel" render "$work/timeline.csv" --out "$work/reel-encode.mp4" --overwrite -q)
printf '%-58s %7.2fs %5d MB  (no ffmpeg here has OpenH264)\n' "reel render, default build: OpenH264, 2 segments at once" "$re" $((rem / 1024))
for f in reel-copy ffmpeg-encode melt-encode reel-encode-x264 reel-encode; do
  [ -f "$work/$f.mp4" ] && printf '    %-18s %s s\n' "$f" "$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/$f.mp4")"
done
echo "(reel times include JVM start-up; each figure the median of 3 runs)"
