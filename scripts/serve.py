#!/usr/bin/env python3
# Serves the built site (dist/) on 127.0.0.1 with correct MIME types for .wasm, .js and .webmanifest.
"""Usage: python3 scripts/serve.py [DIR] [--port 8080] [--host 127.0.0.1]"""

import argparse
import functools
import http.server
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


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with explicit MIME types; the service worker is never cached by HTTP."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def end_headers(self):
        if self.path.split("?")[0].endswith("/sw.js"):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", nargs="?", default="dist")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
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
