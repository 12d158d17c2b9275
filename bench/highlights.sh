#!/usr/bin/env bash
# Benchmark: `reel highlights` on one hour of audio against the floor (ffmpeg decoding the track
# to nothing), the seed tool's way (ffmpeg writes the whole track to a WAV, then 30 ms windows are
# read from it, numpy), and Debian's auto-editor (`levels`); then a 1-hour 720p video with that
# audio, clips included. Prints the times and ratios; see docs/BENCHMARKS.md.
#
#   bench/highlights.sh
#
# Needs ffmpeg (comparison, and making the 720p video), auto-editor, python3-numpy and
# /usr/bin/time: apt-get install ffmpeg auto-editor python3-numpy time
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work=${REEL_BENCH_DIR:-/tmp/reel-bench}/highlights
reel="$here/reel"
mkdir -p "$work"
for tool in ffmpeg auto-editor python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is needed: apt-get install ffmpeg auto-editor python3-numpy" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

audio="$work/hour.m4a"
video="$work/hour-720p.mp4"
"$reel" --version >/dev/null
if [ ! -f "$audio" ]; then
  echo "bench: making 1 hour of 48 kHz stereo AAC with bursts at 10, 30 and 50 minutes (once)" >&2
  "$reel" dev make-media "$audio" --seconds 3600 --sample-rate 48000 --channels 2 \
    --envelope "noise:-40,burst:600+3:-6,burst:1800+2:-3,burst:3000+4:-8" -q
fi
if [ ! -f "$video" ]; then
  echo "bench: making a 1-hour 720p25 H.264 video with that audio (once, with ffmpeg's x264)" >&2
  ffmpeg -v error -f lavfi -i "testsrc2=size=1280x720:rate=25" -i "$audio" -t 3600 -map 0:v -map 1:a \
    -c:v libx264 -preset ultrafast -g 50 -c:a copy -y "$work/.tmp.mp4"
  mv "$work/.tmp.mp4" "$video"
fi
cat "$audio" "$video" >/dev/null # warm page cache
"$reel" highlights "$audio" --out "$work/warmup" --no-clips -q >/dev/null 2>&1 || true # class-data archive

# runs a command 3 times; prints the median wall time and the peak RSS of that run
median() {
  local times=() rss=() i
  for i in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/t.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; return 1; }
    read -r t m <"$work/t.txt"
    times+=("$t $m")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

seed_py="$work/seed_windows.py"
cat >"$seed_py" <<'PY'
import sys, wave, numpy as np
w = wave.open(sys.argv[1], "rb")
rate = w.getframerate(); win = int(rate * 0.03); levels = []
while True:
    b = w.readframes(win * 1000)
    if not b: break
    x = np.frombuffer(b, dtype=np.int16).astype(np.float32) / 32768
    n = len(x) // win * win
    r = np.sqrt(np.mean(x[:n].reshape(-1, win) ** 2, axis=1))
    levels.extend(np.maximum(-60, 20 * np.log10(np.maximum(r, 1e-9))))
print(len(levels))
PY
# auto-editor keeps its analysis in $TMPDIR/ae-VERSION/cache.json: removed before every run
ae_cold() { rm -rf "${TMPDIR:-/tmp}"/ae-*; auto-editor levels "$1" --edit audio; }
seed() { ffmpeg -v error -y -i "$1" -vn -ac 1 -f wav "$work/seed.wav" && python3 "$seed_py" "$work/seed.wav" && rm -f "$work/seed.wav"; }
export -f seed ae_cold; export work seed_py

echo "== 1 hour of 48 kHz stereo AAC ($(du -h "$audio" | cut -f1)), $(nproc) cores, warm page cache, median of 3"
read -r ff ffm < <(median ffmpeg -v error -i "$audio" -vn -f null -)
read -r rl rlm < <(median "$reel" highlights "$audio" --out "$work/audio-out" --no-clips -q)
job=$(grep -o 'in [0-9.]*s' <("$reel" highlights "$audio" --out "$work/audio-out" --no-clips 2>&1 >/dev/null) | grep -o '[0-9.]*' | head -n1)
read -r sd sdm < <(median bash -c 'seed "$0"' "$audio")
read -r ae aem < <(median bash -c 'ae_cold "$0"' "$audio")
printf '%-44s %7.2fs  %6d MB  %5.2fx ffmpeg\n' "ffmpeg -vn -f null (decode floor)" "$ff" $((ffm / 1024)) 1
printf '%-44s %7.2fs  %6d MB  %5.2fx ffmpeg  (the job itself: %.2fs, %.2fx)\n' "reel highlights --no-clips" "$rl" $((rlm / 1024)) \
  "$(echo "$rl / $ff" | bc -l)" "$job" "$(echo "$job / $ff" | bc -l)"
printf '%-44s %7.2fs  %6d MB  %5.2fx ffmpeg\n' "seed's way (ffmpeg to WAV, numpy windows)" "$sd" $((sdm / 1024)) "$(echo "$sd / $ff" | bc -l)"
printf '%-44s %7.2fs  %6d MB  %5.2fx ffmpeg\n' "auto-editor levels --edit audio (no cache)" "$ae" $((aem / 1024)) "$(echo "$ae / $ff" | bc -l)"
grep -c . "$work/audio-out/highlights.csv" | awk '{print "    reel found " $1 - 1 " highlights (3 bursts made)"}'

echo "== 1 hour of 720p25 H.264 + that audio ($(du -h "$video" | cut -f1)), clips included"
read -r vf vfm < <(median ffmpeg -v error -i "$video" -vn -f null -)
rm -rf "$work/video-out"
/usr/bin/time -f '%e %M' -o "$work/t.txt" "$reel" highlights "$video" --out "$work/video-out" -q >/dev/null
read -r vt vm <"$work/t.txt"
printf '%-44s %7.2fs  %6d MB\n' "ffmpeg -vn -f null (audio decode floor)" "$vf" $((vfm / 1024))
printf '%-44s %7.2fs  %6d MB  %5.2fx ffmpeg; %d clips\n' "reel highlights (analyse + cut clips)" "$vt" $((vm / 1024)) \
  "$(echo "$vt / $vf" | bc -l)" "$(ls "$work/video-out"/*.mp4 | wc -l)"
echo "(reel times include JVM start-up)"
