#!/usr/bin/env python3
# Size report and budget gate for the release build: gzipped size of every .wasm and .js shipped in dist/.
"""Usage: python3 scripts/size_report.py [DIST] [--budget-kb N] [--json PATH]

Prints raw and gzipped (level 9) size of each shipped .wasm and .js file and their total.
With --budget-kb, exits 1 when the gzipped total exceeds N kilobytes (1 KB = 1000 bytes), unless --warn-only.
With --json, also writes the figures as JSON (used by the benchmark report).
"""

import argparse
import gzip
import json
import os
import sys


def shipped_files(dist):
    """Paths (relative to dist) of every .wasm and .js file in the build, sorted."""
    out = []
    for dirpath, _dirs, names in os.walk(dist):
        for name in names:
            if name.endswith((".wasm", ".js")):
                out.append(os.path.relpath(os.path.join(dirpath, name), dist))
    return sorted(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dist", nargs="?", default="dist")
    parser.add_argument("--budget-kb", type=float, default=None)
    parser.add_argument("--json", default=None)
    parser.add_argument("--warn-only", action="store_true", help="report a budget overrun but exit 0 (make build/serve)")
    args = parser.parse_args()

    files = shipped_files(args.dist)
    if not files:
        print(f"size report: no .wasm or .js files in {args.dist}/ (build the site first: make build)", file=sys.stderr)
        return 1
    if not any(f.endswith(".wasm") for f in files):
        print(f"size report: no .wasm file in {args.dist}/ - the build is incomplete", file=sys.stderr)
        return 1
    rows = []
    for rel in files:
        with open(os.path.join(args.dist, rel), "rb") as f:
            data = f.read()
        rows.append({"file": rel, "bytes": len(data), "gzip_bytes": len(gzip.compress(data, compresslevel=9, mtime=0))})
    total_raw = sum(r["bytes"] for r in rows)
    total_gz = sum(r["gzip_bytes"] for r in rows)

    width = max(len(r["file"]) for r in rows)
    print(f"size report ({args.dist}/, gzip -9; 1 KB = 1000 bytes)")
    print(f"  {'file':<{width}}  {'raw KB':>9}  {'gzip KB':>9}")
    for r in rows:
        print(f"  {r['file']:<{width}}  {r['bytes'] / 1000:>9.1f}  {r['gzip_bytes'] / 1000:>9.1f}")
    print(f"  {'total wasm+js':<{width}}  {total_raw / 1000:>9.1f}  {total_gz / 1000:>9.1f}")

    report = {"files": rows, "total_bytes": total_raw, "total_gzip_bytes": total_gz, "budget_kb": args.budget_kb}
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
    if args.budget_kb is not None:
        ok = total_gz <= args.budget_kb * 1000
        verdict = "within" if ok else "OVER"
        print(f"size budget: {total_gz / 1000:.1f} KB gzipped {verdict} the budget of {args.budget_kb:g} KB")
        if not ok and not args.warn_only:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
