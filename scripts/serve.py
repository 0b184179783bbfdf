#!/usr/bin/env python3
# Serves the built site (dist/) on 127.0.0.1 with correct MIME types for .wasm, .js and .webmanifest, gzip-compressed
# like a real static host when the browser accepts it.
"""Usage: python3 scripts/serve.py [DIR] [--port 8080] [--host 127.0.0.1] [--no-gzip]"""

import argparse
import functools
import gzip
import http.server
import io
import os
import sys

TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".webmanifest": "application/manifest+json",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".css": "text/css",
    ".html": "text/html",
}


COMPRESSIBLE = (".html", ".js", ".mjs", ".wasm", ".css", ".json", ".webmanifest", ".svg")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with explicit MIME types; the service worker is never cached by HTTP."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    use_gzip = True
    _compressed = {}

    def end_headers(self):
        if self.path.split("?")[0].endswith("/sw.js"):
            self.send_header("Cache-Control", "no-cache")
        # What a static host should send: no MIME sniffing, no referrer to other sites (the page needs none; the
        # scenario lives in the fragment, which is never sent anyway). No frame restriction: the page may be embedded.
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def send_head(self):
        """Sends a gzip-compressed body for text and wasm when the client accepts it; otherwise as usual."""
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not url_path.endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.use_gzip and accepts and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        info = os.stat(path)
        key = (path, info.st_mtime_ns, info.st_size)
        body = self._compressed.get(key)
        if body is None:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), compresslevel=9, mtime=0)
            self._compressed[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", nargs="?", default="dist")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--no-gzip", action="store_true", help="send files uncompressed")
    args = parser.parse_args()
    Handler.use_gzip = not args.no_gzip
    handler = functools.partial(Handler, directory=args.dir)
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as err:
        print(f"serve: cannot listen on {args.host}:{args.port}: {err} (is another server running? try PORT=8081 make serve)", file=sys.stderr)
        return 1
    print(f"serving {args.dir}/ at http://{args.host}:{args.port}/  (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
