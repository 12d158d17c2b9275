#!/usr/bin/env python3
"""A TMDB-like API for bench/organize-lookup.sh: search/tv and tv/{id}/season/{n}, answered after
a fixed latency (20 ms by default), with request counts at /stats.

  fake-tmdb.py PORT [LATENCY_MS]

Answers are shaped like TMDB's API reference (v3); a show is found for any query, its id a stable
hash of the query, its name the query in title case.
"""
import json
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

port = int(sys.argv[1])
latency = (float(sys.argv[2]) if len(sys.argv) > 2 else 20.0) / 1000
counts = {"search": 0, "season": 0, "other": 0}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, body, status=200):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/stats":
            with lock:
                return self.answer(dict(counts))
        time.sleep(latency)
        parts = url.path.strip("/").split("/")
        if parts[:3] == ["3", "search", "tv"]:
            query = parse_qs(url.query).get("query", [""])[0]
            with lock:
                counts["search"] += 1
            show = zlib.crc32(query.lower().encode()) % 1000000
            return self.answer({"page": 1, "total_results": 1, "results": [{
                "id": show, "name": query.title(), "original_name": query.title(),
                "first_air_date": "2010-01-01", "popularity": 10.0}]})
        if len(parts) == 5 and parts[1] == "tv" and parts[3] == "season":
            with lock:
                counts["season"] += 1
            return self.answer({"season_number": int(parts[4]), "episodes": [
                {"episode_number": e, "name": "Episode %d" % e} for e in range(1, 101)]})
        with lock:
            counts["other"] += 1
        return self.answer({"status_code": 34}, 404)


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
