#!/usr/bin/env python3
"""Makes a Downloads-like folder for bench/organize.sh.

  organize-library.py CASES MEDIA_DIR OUT_DIR COUNT [--link]

Names come from the guessit dev set (CASES, JSON lines) and are varied: episode names get other
season and episode numbers, movie names other years, so one show has many episodes and the names
keep their real-world shape (groups, sources, codecs). Episodes go in season-pack folders, movies
in release folders. 5% of the files are byte-identical copies under another release name, 10% of
the videos have an .en.srt beside them. Content: the fixture generator's files in MEDIA_DIR, each
made distinct by a tag appended after its Matroska/WebM segment (players ignore it); with --link
every name is a hard link to one of the distinct files of OUT_DIR's sibling made before (scale run).
"""
import json
import os
import random
import re
import shutil
import sys

cases, media, out, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
link = "--link" in sys.argv
VIDEO = (".mkv", ".mp4", ".avi", ".m4v", ".ts", ".wmv", ".mov", ".webm", ".mpg")
SXXEYY = re.compile(r"([Ss])(\d{1,2})([Ee])(\d{1,3})")
YEAR = re.compile(r"(?<!\d)(19[3-9]\d|20[0-2]\d)(?!\d)")

episodes, movies = [], []
for line in open(cases, encoding="utf-8"):
    o = json.loads(line)
    name = o["input"].replace("\\", "/").split("/")[-1]
    if not name.lower().endswith(VIDEO):
        continue
    kind = o.get("expected", {}).get("type")
    if kind == "episode" and SXXEYY.search(name):
        episodes.append(name)
    elif kind == "movie" and YEAR.search(name):
        movies.append(name)

bases = sorted(
    os.path.join(d, f)
    for d, _, fs in os.walk(media)
    for f in fs
    if f.endswith((".mkv", ".webm"))
)
if not bases:
    sys.exit("no .mkv/.webm files in " + media)
rnd = random.Random(5)
os.makedirs(out, exist_ok=True)
made = []


def content(path, i):
    if link:
        os.link(made_distinct[i % len(made_distinct)], path)
        return
    base = bases[i % len(bases)]
    shutil.copyfile(base, path)
    with open(path, "ab") as f:
        f.write(("reel-bench-%d" % i).encode())


made_distinct = []
if link:
    distinct_root = sys.argv[sys.argv.index("--link") + 1]
    made_distinct = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(distinct_root) for f in fs if f.endswith(VIDEO)
    )

n = 0
i = 0
while n < count:
    if n > 0 and n % 20 == 0 and not link and made:
        # a byte-identical copy under another release name
        src, name = made[rnd.randrange(len(made))]
        stem, ext = os.path.splitext(name)
        dup = os.path.join(out, "dupes", stem + ".REPACK-OTHER" + ext)
        os.makedirs(os.path.dirname(dup), exist_ok=True)
        if not os.path.exists(dup):
            shutil.copyfile(src, dup)
            n += 1
            continue
    if i % 5 < 3:
        b = episodes[i % len(episodes)]
        k = i // len(episodes)
        season, episode = 1 + (k // 40) % 30, 1 + k % 40
        name = SXXEYY.sub(
            lambda m: "%s%02d%s%02d" % (m.group(1), season, m.group(3), episode), b, count=1
        )
        folder = os.path.join(out, "tv", SXXEYY.split(b)[0].strip(" .-_") + ".S%02d" % season)
    else:
        b = movies[i % len(movies)]
        k = i // len(movies)
        year = int(YEAR.search(b).group(1))
        name = YEAR.sub(str(year - k if year - k > 1900 else year + k), b, count=1)
        folder = os.path.join(out, "movies", os.path.splitext(name)[0])
    i += 1
    path = os.path.join(folder, name)
    if os.path.exists(path):
        continue
    os.makedirs(folder, exist_ok=True)
    content(path, n)
    made.append((path, name))
    if not link and n % 10 == 3:
        with open(os.path.splitext(path)[0] + ".en.srt", "w") as f:
            f.write("1\n00:00:01,000 --> 00:00:02,000\nhello %d\n" % n)
    n += 1
print("made %d files in %s" % (n, out))
