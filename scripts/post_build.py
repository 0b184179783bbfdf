#!/usr/bin/env python3
# Trunk post_build hook: writes the Content-Security-Policy (with hashes of the inline scripts Trunk emits) into the
# staged index.html, then the precache list and content hash into the staged sw.js.
"""Finish a staged build in place.

Usage: python3 scripts/post_build.py [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)

Steps, in this order because the service worker's hash must cover the final pages:
0. method.html (the "Sources and method" page): written by scripts/method_page.mjs from docs/MODEL.md, index.html's
   sources list and data/base-2025.json, in Trunk's builds only (a site re-finished by hand keeps its copy).
1. index.html and method.html: compute sha256 of every inline <script> and <style>, and write one
   <meta http-equiv="Content-Security-Policy"> right after <meta charset> (replacing an older one).
2. sw.js: replace the block between BUILD-MANIFEST-START/END with every file of the build (sw.js excluded)
   and a hash of their paths and contents, so each build gets its own cache.
3. i18n/<lang>.json for each language other than English: the texts of i18n/<lang>.json (keyed, for translators)
   as a list in the order of i18n/en.json's sorted keys, which is the order of the page's `Msg` enum (build.rs), so
   the page needs no key names; a missing text is null (the page shows English there; tests/i18n.rs names it).
   Values go by position, as build.rs compiles the English: a text's {name} becomes {i}, the name's place among
   the English text's names in the order they first appear (the order tr! is given them in).
   The `static.*` texts (parts of index.html) go to i18n/<lang>.static.json instead, by element id, for www/pwa.js.
   manifest.<lang>.webmanifest: the manifest with its name and description in that language (`manifest.*` texts).
Running it twice on the same directory gives the same result.
"""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys

CSP_META_RE = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)
SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
STYLE_RE = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
STYLE_ATTR_RE = re.compile(r"<[a-zA-Z][^>]*\sstyle\s*=", re.IGNORECASE)
INLINE_HANDLER_RE = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
HEAD_RE = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
CHARSET_RE = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
MANIFEST_RE = re.compile(r"/\* BUILD-MANIFEST-START \*/.*?/\* BUILD-MANIFEST-END \*/", re.DOTALL)


def sha256_b64(text):
    """CSP source expression for the exact text of an inline element."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def is_trunk_loader(attrs, body):
    """True for the module script Trunk writes to load the wasm (the only inline script the page may have)."""
    # Trunk's HTML minifier drops the quotes around attribute values.
    module = re.search(r"""\btype\s*=\s*["']?module\b""", attrs)
    return bool(module) and "import init" in body and "TrunkApplicationStarted" in body


def build_csp(html, name="index.html"):
    """The policy for this page: same-origin only, WebAssembly compilation allowed, inline code only by hash.

    Only Trunk's own loader is hashed: any other inline script or inline event handler stops the build, so the
    policy never grows to admit hand-written inline code.
    """
    scripts = []
    for attrs, body in SCRIPT_RE.findall(html):
        if re.search(r"\bsrc\s*=", attrs) or not body.strip():
            continue
        if re.search(r"""\btype\s*=\s*["']?application/ld\+json""", attrs):
            continue
        if not is_trunk_loader(attrs, body):
            raise SystemExit(
                f"post_build: {name} has an inline <script> the CSP will not allow; "
                "put it in a file under www/ and load it with <script data-trunk src=...>:\n  " + body.strip()[:200]
            )
        scripts.append(body)
    handler = INLINE_HANDLER_RE.search(html)
    if handler:
        raise SystemExit(f"post_build: {name} has an inline event handler ({handler.group(0).strip()}...), which the CSP forbids")
    styles = [body for _attrs, body in STYLE_RE.findall(html) if body.strip()]
    if STYLE_ATTR_RE.search(html):
        raise SystemExit(f"post_build: {name} has an inline style= attribute, which the CSP forbids; move it to www/style.css")
    script_src = ["'self'", "'wasm-unsafe-eval'"] + sorted(set(sha256_b64(s) for s in scripts))
    style_src = ["'self'"] + sorted(set(sha256_b64(s) for s in styles))
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", script_src),
        ("style-src", style_src),
        ("img-src", ["'self'", "data:", "blob:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'none'"]),
    ]
    return "; ".join(name + " " + " ".join(values) for name, values in directives), len(scripts), len(styles)


def write_csp(index_path):
    """Insert (or replace) the CSP meta right after <meta charset> (or first in <head>), before any script."""
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    html = CSP_META_RE.sub("", html)
    policy, n_scripts, n_styles = build_csp(html, os.path.basename(index_path))
    anchor = CHARSET_RE.search(html) or HEAD_RE.search(html)
    if not anchor:
        raise SystemExit(f"post_build: no <head> in {index_path}")
    meta = f'\n  <meta http-equiv="Content-Security-Policy" content="{policy}">'
    html = html[: anchor.end()] + meta + html[anchor.end():]
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"post_build: CSP written to {os.path.basename(index_path)} ({n_scripts} inline script(s), {n_styles} inline style(s) hashed)")


def build_files(root):
    """Every file of the build as a sorted list of '/'-separated paths relative to root, sw.js excluded."""
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
            if rel != "sw.js" and not name.startswith("."):
                files.append(rel)
    return sorted(files)


def terser_path():
    """terser from the lock file's node packages; the build stops with a clear message when it is missing."""
    source_dir = os.environ.get("TRUNK_SOURCE_DIR", os.getcwd())
    path = os.path.join(source_dir, "node_modules", ".bin", "terser")
    if not os.path.exists(path):
        raise SystemExit(f"post_build: {path} is missing; run `make tools` (npm ci installs it from package-lock.json)")
    return path


def terser(source):
    """`source` (a classic script) minified by terser; top-level names are kept."""
    result = subprocess.run([terser_path(), "--compress", "--mangle"], input=source, capture_output=True, text=True, check=True)
    return result.stdout


def minify_worker_script(root):
    """www/analysis-worker.js, which Trunk copies as it is, minified (its comments are most of its bytes)."""
    if os.environ.get("TRUNK_PROFILE") != "release":
        return
    path = os.path.join(root, "analysis-worker.js")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(terser(source).strip() + "\n")


def minify_around_manifest(sw):
    """sw.js minified on both sides of its manifest block, which stays as it is between its markers (so this hook
    can rewrite it again, as the update test does). Minified apart, terser cannot merge the block's `const` into
    the code around it."""
    match = MANIFEST_RE.search(sw)
    head, block, tail = sw[: match.start()], match.group(0), sw[match.end():]
    return terser(head).strip() + "\n" + block + "\n" + terser(tail).strip() + "\n"


def write_sw(root):
    """Write the precache list and the build hash into sw.js."""
    sw_path = os.path.join(root, "sw.js")
    with open(sw_path, encoding="utf-8") as f:
        sw = f.read()
    if not MANIFEST_RE.search(sw):
        raise SystemExit(f"post_build: {sw_path} has no BUILD-MANIFEST-START/END block")
    files = build_files(root)
    digest = hashlib.sha256()
    # The worker's own code counts too (with the block blanked), so a change to it also renames the cache.
    digest.update(MANIFEST_RE.sub("", sw).encode("utf-8"))
    for rel in files:
        with open(os.path.join(root, rel), "rb") as f:
            content = f.read()
        digest.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(content).digest())
    build = {"hash": digest.hexdigest()[:16], "files": files}
    block = "/* BUILD-MANIFEST-START */\nconst BUILD = " + json.dumps(build, indent=2) + ";\n/* BUILD-MANIFEST-END */"
    sw = MANIFEST_RE.sub(lambda _m: block, sw)
    if os.environ.get("TRUNK_PROFILE") == "release":
        sw = minify_around_manifest(sw)
    with open(sw_path, "w", encoding="utf-8") as f:
        f.write(sw)
    print(f"post_build: sw.js precaches {len(files)} files, build {build['hash']}")


GLUE_RE = re.compile(r"""<link\b[^>]*\bhref=["']?\./([\w.-]+\.js)["']?[^>]*\brel=["']?modulepreload[^>]*>""")
INTEGRITY_RE = re.compile(r"""\bintegrity=["']?(sha384-[A-Za-z0-9+/=]+)["']?""")


def shorten_imports(glue, module):
    """The module's imports renamed to one- and two-letter names in the module and its glue (scripts/wasm_imports.py:
    about 6.6 KB gzipped of the page)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import wasm_imports

    if not os.path.exists(module):
        raise SystemExit(f"post_build: no module {os.path.basename(module)} beside the glue")
    with open(module, "rb") as f:
        code = f.read()
    with open(glue, encoding="utf-8") as f:
        script = f.read()
    try:
        code, script, renaming = wasm_imports.rename(code, script)
    except ValueError as error:
        raise SystemExit(f"post_build: {error}")
    with open(module, "wb") as f:
        f.write(code)
    with open(glue, "w", encoding="utf-8") as f:
        f.write(script)
    print(f"post_build: {len(renaming)} imports of {os.path.basename(module)} renamed short")


def minify_glue(root):
    """Minify wasm-bindgen's JavaScript glue with terser (Trunk's own minifier gives up on it), shorten the names of
    the module's imports in both, then update the glue's subresource-integrity hash in index.html. Only in Trunk's release builds (not when the hook is run by hand on a
    built site, as the update test does); about 2 KB gzipped of the page."""
    if os.environ.get("TRUNK_PROFILE") != "release":
        return
    index_path = os.path.join(root, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    link = GLUE_RE.search(html)
    if not link:
        raise SystemExit("post_build: no <link rel=modulepreload> for the wasm-bindgen glue in index.html")
    glue = os.path.join(root, link.group(1))
    before = os.path.getsize(glue)
    subprocess.run([terser_path(), glue, "--module", "--compress", "--mangle", "--output", glue], check=True)
    shorten_imports(glue, os.path.join(root, link.group(1)[: -len(".js")] + "_bg.wasm"))
    with open(glue, "rb") as f:
        integrity = "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode("ascii")
    old_tag = link.group(0)
    new_tag, count = INTEGRITY_RE.subn(lambda _m: f'integrity="{integrity}"', old_tag)
    if count != 1:
        raise SystemExit(f"post_build: the glue's <link> has no integrity hash to update: {old_tag}")
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html.replace(old_tag, new_tag))
    print(f"post_build: {link.group(1)} minified, {before} -> {os.path.getsize(glue)} bytes")


FETCH_PRELOAD_RE = re.compile(r"""<link\b[^>]*\bas=["']?fetch\b[^>]*>""")


def drop_fetch_preload_integrity(index_path):
    """Remove `integrity` from `<link rel=preload as=fetch>` (Trunk's preload of the wasm): browsers ignore it there and
    Chromium warns about it on every load; the module's own fetch of the wasm carries no integrity either."""
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    fixed = FETCH_PRELOAD_RE.sub(lambda m: INTEGRITY_RE.sub("", m.group(0)).replace("  ", " "), html)
    if fixed != html:
        with open(index_path, "w", encoding="utf-8") as f:
            f.write(fixed)


def link_stylesheet(root):
    """Point the static pages beside index.html that link `style.css` (claims.html) at the stylesheet under its hashed name."""
    with open(os.path.join(root, "index.html"), encoding="utf-8") as f:
        found = re.search(r'href="?(?:\./|/)?(style-[0-9a-f]+\.css)', f.read())
    if not found:
        raise SystemExit("post_build: no hashed stylesheet link in index.html")
    for name in sorted(os.listdir(root)):
        if name.endswith(".html") and name != "index.html":
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                html = f.read()
            # Idempotent: a page already pointed at a hashed name (the hook run again) is re-pointed.
            linked, count = re.subn(r'href="style(?:-[0-9a-f]+)?\.css"', f'href="{found.group(1)}"', html)
            if count == 0 and found.group(1) in html:
                continue  # written with the hashed link already (method.html)
            if count != 1:
                raise SystemExit(f"post_build: {name} should link style.css once, links it {count} times")
            with open(path, "w", encoding="utf-8") as f:
                f.write(linked)


METHOD_PAGE = "method.html"


PLURAL_FORMS = {"ru": ["one", "few", "many", "other"], "zh": ["other"]}
# Texts that are not the page's messages (build.rs's OUTSIDE_WASM, which tests/i18n.rs checks against this): parts of
# index.html (`static.*`, shipped as i18n/<lang>.static.json) and texts written into static files at build time.
OUTSIDE_WASM = ("static.", "claims.", "track-record.", "manifest.")


PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)\}")


def write_catalogs(root, source="i18n"):
    """dist/i18n/<lang>.json: each language's texts as a list in the page's message order (see the docstring)."""
    with open(os.path.join(source, "en.json"), encoding="utf-8") as file:
        english = json.load(file)
    os.makedirs(os.path.join(root, "i18n"), exist_ok=True)
    for lang, forms in PLURAL_FORMS.items():
        with open(os.path.join(source, f"{lang}.json"), encoding="utf-8") as file:
            texts = json.load(file)
        items = []
        static = {}
        for key in sorted(english):
            text = texts.get(key)
            if key.startswith("static."):
                # Parts of index.html by element id, for www/pwa.js: "html:<id>" (inner HTML), "label:<id>".
                kind, _, element = key[len("static."):].partition(".")
                if isinstance(text, str):
                    static[f"{kind}:{element}"] = text
                continue
            if key.startswith(OUTSIDE_WASM):
                continue
            # Values by position, as build.rs compiles the English: each {name} becomes {i}, its place among the
            # English text's names in the order they first appear.
            names = []
            for form in [english[key]["one"], english[key]["other"]] if isinstance(english[key], dict) else [english[key]]:
                for name in PLACEHOLDER.findall(form):  # once each, as build.rs: a name may recur
                    if name not in names:
                        names.append(name)
            def positional(text):
                if not isinstance(text, str):
                    return None
                return PLACEHOLDER.sub(lambda m: "{%d}" % names.index(m[1]) if m[1] in names else m[0], text)
            if isinstance(english[key], dict):
                items.append([positional(text.get(form)) for form in forms] if isinstance(text, dict) else None)
            else:
                items.append(positional(text))
        with open(os.path.join(root, "i18n", f"{lang}.json"), "w", encoding="utf-8") as file:
            json.dump(items, file, ensure_ascii=False, separators=(",", ":"))
        with open(os.path.join(root, "i18n", f"{lang}.static.json"), "w", encoding="utf-8") as file:
            json.dump(static, file, ensure_ascii=False, separators=(",", ":"))
    print(f"post_build: i18n texts for {', '.join(PLURAL_FORMS)} ({len(english)} messages each)")


MANIFEST_TEXTS = {"name": "manifest.name", "short_name": "manifest.short-name", "description": "manifest.description"}


def write_manifests(root, source="i18n"):
    """manifest.<lang>.webmanifest for each language other than English: the build's manifest.webmanifest with its
    name, short name and description from i18n/<lang>.json (`manifest.*`), its lang, and a start address that opens
    the page in that language; www/pwa.js links the page to it while the page is in that language. The same `id`, so
    it is the same app whichever language it is installed in."""
    with open(os.path.join(root, "manifest.webmanifest"), encoding="utf-8") as file:
        english = json.load(file)
    for lang in PLURAL_FORMS:
        with open(os.path.join(source, f"{lang}.json"), encoding="utf-8") as file:
            texts = json.load(file)
        manifest = dict(english)
        for field, key in MANIFEST_TEXTS.items():
            if isinstance(texts.get(key), str):
                manifest[field] = texts[key]
        manifest["lang"] = lang
        manifest["start_url"] = f"./#lang={lang}"
        with open(os.path.join(root, f"manifest.{lang}.webmanifest"), "w", encoding="utf-8") as file:
            json.dump(manifest, file, ensure_ascii=False, indent=2)
            file.write("\n")
    print(f"post_build: manifests for {', '.join(PLURAL_FORMS)}")


def write_method_page(root):
    """The Sources and method page, rendered by Node (markdown-it from the lock file's packages) into the build. Only
    when Trunk runs the hook: the update tests re-run this script on a copy of a built site, which has the page."""
    if not os.environ.get("TRUNK_STAGING_DIR"):
        return
    source_dir = os.environ.get("TRUNK_SOURCE_DIR", os.getcwd())
    if not os.path.isdir(os.path.join(source_dir, "node_modules", "markdown-it")):
        raise SystemExit("post_build: node_modules/markdown-it is missing; run `make tools` (npm ci installs it from package-lock.json)")
    script = os.path.join(source_dir, "scripts", "method_page.mjs")
    subprocess.run(["node", script, root], check=True, cwd=source_dir)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not root or not os.path.isdir(root):
        raise SystemExit("post_build: give the build directory as an argument or run from Trunk (TRUNK_STAGING_DIR)")
    minify_glue(root)
    minify_worker_script(root)
    drop_fetch_preload_integrity(os.path.join(root, "index.html"))
    write_method_page(root)
    write_catalogs(root)
    write_manifests(root)
    write_csp(os.path.join(root, "index.html"))
    link_stylesheet(root)
    for name in sorted(os.listdir(root)):
        if name.endswith(".html") and name != "index.html":
            write_csp(os.path.join(root, name))
    write_sw(root)


if __name__ == "__main__":
    main()
