#!/usr/bin/env python3
# Short names for the functions the WebAssembly module imports from wasm-bindgen's JavaScript glue.
"""Rename the wasm module's imports to short names, in the module and in its glue alike.

wasm-bindgen names every function the module imports from its glue after the web API it calls plus a 16-digit hash
(`__wbg_set_font_aa0c0c514c73a5fa`). The page imports about 200 of them, and each name is written twice: in the
module's import section and as a key of the glue's import object. Hex digits do not compress, so the names cost
about 6.6 KB of the gzipped page. This gives the imports names of one or two letters (`a`, `b`, … `aZ`), in the
order the module declares them, and writes the same names into the glue: a pure renaming, like a minifier's.

Only the import section's names change; every other byte of the module is kept, so the code, its function indices
and its exports are as wasm-bindgen and wasm-opt left them. An import the glue names other than once, as a key of its
import object, or a name that is also an export, stops the build with a message instead of guessing.

Trunk names the module and glue after their content before this runs, so a change to the naming below alone would
ship new content under old file names: the names depend only on the module's own import order, which is why they
are given in that order and never otherwise.

Usage: python3 scripts/wasm_imports.py MODULE.wasm GLUE.js   (rewrites both in place; prints the sizes)
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wasm_sizes import leb as read_leb  # noqa: E402  (unsigned LEB128: value, position after it)

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def write_leb(value):
    """`value` as unsigned LEB128."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def read_name(data, at):
    """A wasm name (length, then UTF-8) at `at`: (name, position after it)."""
    length, at = read_leb(data, at)
    return data[at : at + length].decode("utf-8"), at + length


def write_name(name):
    encoded = name.encode("utf-8")
    return write_leb(len(encoded)) + encoded


def skip_limits(data, at):
    flags, at = read_leb(data, at)
    _, at = read_leb(data, at)
    if flags & 1:
        _, at = read_leb(data, at)
    return at


def sections(module):
    """(id, start of the section's header, start of its contents, end) for each section of `module`."""
    if module[:4] != b"\0asm":
        raise ValueError("not a WebAssembly module")
    at = 8
    while at < len(module):
        section_id = module[at]
        size, start = read_leb(module, at + 1)
        yield section_id, at, start, start + size
        at = start + size


def imports(module):
    """The import section: (header start, end, [(module name, field name, descriptor bytes)])."""
    for section_id, header, start, end in sections(module):
        if section_id != 2:
            continue
        count, at = read_leb(module, start)
        entries = []
        for _ in range(count):
            module_name, at = read_name(module, at)
            field, at = read_name(module, at)
            kind_at = at
            kind = module[at]
            at += 1
            if kind == 0:  # function: its type index
                _, at = read_leb(module, at)
            elif kind == 1:  # table: element type, limits
                at = skip_limits(module, at + 1)
            elif kind == 2:  # memory: limits
                at = skip_limits(module, at)
            elif kind == 3:  # global: value type, mutability
                at += 2
            else:
                raise ValueError(f"import {module_name}.{field} has a kind ({kind}) this script does not know")
            entries.append((module_name, field, module[kind_at:at]))
        if at != end:
            raise ValueError("the import section did not end where its size says")
        return header, end, entries
    return None, None, []


def exports(module):
    """The names the module exports."""
    names = set()
    for section_id, _header, start, _end in sections(module):
        if section_id == 7:
            count, at = read_leb(module, start)
            for _ in range(count):
                name, at = read_name(module, at)
                _, at = read_leb(module, at + 1)
                names.add(name)
    return names


def short_name(index):
    """`a` … `Z`, then `aa` … `ZZ`, …: the index-th shortest name."""
    name = ""
    index += 1
    while index > 0:
        index -= 1
        name = LETTERS[index % len(LETTERS)] + name
        index //= len(LETTERS)
    return name


def rename(module, glue):
    """The module and glue with every import renamed to a short name, and the renaming."""
    header, end, entries = imports(module)
    if not entries:
        return module, glue, {}
    exported = exports(module)
    renaming = {}
    body = bytearray(write_leb(len(entries)))
    for module_name, field, descriptor in entries:
        if field in exported:
            raise ValueError(f"{field} is both an import and an export")
        new = renaming.setdefault(field, short_name(len(renaming)))
        body += write_name(module_name) + write_name(new) + descriptor
    # Each import must be named once in the glue, as a key of its import object (`name:function…`), which holds
    # only imports: renamed all alike and one to one, its keys stay distinct.
    for field in renaming:
        as_key = len(re.findall(r"(?<![\w$])" + re.escape(field) + r"\s*:", glue))
        if as_key != 1 or glue.count(field) != 1:
            raise ValueError(f"the glue names {field} {glue.count(field)} times, {as_key} of them as a key")
    pattern = re.compile(r"(?<![\w$])(" + "|".join(map(re.escape, sorted(renaming, key=len, reverse=True))) + r")(?![\w$])")
    new_glue = pattern.sub(lambda match: renaming[match.group(1)], glue)
    new_module = module[:header] + bytes([2]) + write_leb(len(body)) + bytes(body) + module[end:]
    return new_module, new_glue, renaming


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    module_path, glue_path = sys.argv[1], sys.argv[2]
    with open(module_path, "rb") as f:
        module = f.read()
    with open(glue_path, encoding="utf-8") as f:
        glue = f.read()
    try:
        new_module, new_glue, renaming = rename(module, glue)
    except ValueError as error:
        raise SystemExit(f"wasm_imports: {error}")
    with open(module_path, "wb") as f:
        f.write(new_module)
    with open(glue_path, "w", encoding="utf-8") as f:
        f.write(new_glue)
    print(
        f"wasm_imports: {len(renaming)} imports renamed; module {len(module)} -> {len(new_module)} bytes, "
        f"glue {len(glue)} -> {len(new_glue)} bytes"
    )


if __name__ == "__main__":
    main()
