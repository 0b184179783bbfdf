#!/usr/bin/env python3
# Where the wasm bytes go: code size per crate and the largest functions, read from a wasm's name section
# (standard library only).
"""Usage: python3 scripts/wasm_sizes.py [WASM] [--top N]

WASM defaults to target/size-detail/named.wasm, which `make size-detail` writes: the release build run through
wasm-bindgen and the same wasm-opt passes as the shipped file, with names kept (-g). Its code section is the shipped
one to within the name-related bytes; point it at target/wasm32-unknown-unknown/release/ree-web.wasm for the code
before wasm-opt (which over-states the shipped bytes).
"""

import argparse
import collections
import re
import sys


def leb(data, pos):
    """Unsigned LEB128 at pos: (value, next position)."""
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(data):
    """Yield (id, payload start, payload end) for every section."""
    pos = 8
    while pos < len(data):
        sid = data[pos]
        size, pos = leb(data, pos + 1)
        yield sid, pos, pos + size
        pos += size


def parse(data):
    """Returns (function sizes by index, names by index, data segment bytes, custom section sizes)."""
    imported = 0
    code_sizes = {}
    names = {}
    data_bytes = 0
    custom = {}
    for sid, start, end in sections(data):
        if sid == 2:  # imports: count imported functions (kind 0)
            count, pos = leb(data, start)
            for _ in range(count):
                for _field in range(2):
                    n, pos = leb(data, pos)
                    pos += n
                kind = data[pos]
                pos += 1
                if kind == 0:
                    _, pos = leb(data, pos)
                    imported += 1
                elif kind == 1:  # table: reftype + limits
                    pos += 1
                    flags, pos = leb(data, pos)
                    _, pos = leb(data, pos)
                    if flags & 1:
                        _, pos = leb(data, pos)
                elif kind == 2:  # memory: limits
                    flags, pos = leb(data, pos)
                    _, pos = leb(data, pos)
                    if flags & 1:
                        _, pos = leb(data, pos)
                elif kind == 3:  # global: type + mutability
                    pos += 2
                else:
                    _, pos = leb(data, pos)
        elif sid == 10:
            count, pos = leb(data, start)
            for i in range(count):
                size, body = leb(data, pos)
                code_sizes[imported + i] = size + (body - pos)
                pos = body + size
        elif sid == 11:
            data_bytes += end - start
        elif sid == 0:
            n, pos = leb(data, start)
            name = data[pos:pos + n].decode("utf-8", "replace")
            custom[name] = custom.get(name, 0) + end - start
            if name == "name":
                pos += n
                while pos < end:
                    sub = data[pos]
                    sub_size, pos = leb(data, pos + 1)
                    if sub == 1:
                        count, p = leb(data, pos)
                        for _ in range(count):
                            idx, p = leb(data, p)
                            ln, p = leb(data, p)
                            names[idx] = data[p:p + ln].decode("utf-8", "replace")
                            p += ln
                    pos += sub_size
    return code_sizes, names, data_bytes, custom


def demangle(name):
    """Readable path of a legacy-mangled Rust symbol (hash dropped); other names unchanged."""
    m = re.match(r"_ZN(.*)E$", name)
    if not m:
        return name
    rest, parts = m.group(1), []
    while rest and rest[0].isdigit():
        n = re.match(r"\d+", rest).group(0)
        rest = rest[len(n):]
        parts.append(rest[: int(n)])
        rest = rest[int(n):]
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    text = "::".join(parts)
    for code, char in (("$LT$", "<"), ("$GT$", ">"), ("$RF$", "&"), ("$u20$", " "), ("$C$", ","), ("..", "::"), ("$u7b$", "{"), ("$u7d$", "}")):
        text = text.replace(code, char)
    return text


PRIMITIVES = {"f32", "f64", "char", "str", "bool", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"}


def crate_of(path):
    """First crate name in a demangled path (looks inside '<T as Trait>' forms and v0 '_R' symbols)."""
    if path.startswith("_R"):
        m = re.search(r"C(?:s[0-9A-Za-z]*_)?(\d+)", path)
        return path[m.end():m.end() + int(m.group(1))] if m else "?"
    path = re.sub(r"\[[0-9a-f]{16}\]", "", path)  # wasm-opt -g keeps rustc's crate disambiguators: core[…]
    m = re.match(r"_?[<&\s]*(?:impl\s+|mut\s+|dyn\s+)*[<&\s]*([A-Za-z_][A-Za-z0-9_]*)", path)
    if not m:
        return "?"
    # "<f64 as core::fmt::Display>::fmt", "<T as alloc::string::ToString>": the trait's crate owns the code.
    if (m.group(1) in PRIMITIVES or re.fullmatch(r"[A-Z]", m.group(1))) and " as " in path:
        return crate_of(path.split(" as ", 1)[1])
    return m.group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wasm", nargs="?", default="target/size-detail/named.wasm")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    try:
        with open(args.wasm, "rb") as f:
            data = f.read()
    except OSError as err:
        print(f"wasm_sizes: cannot read {args.wasm}: {err} (run `make build` first)", file=sys.stderr)
        return 1
    code_sizes, names, data_bytes, custom = parse(data)
    if not names:
        print("wasm_sizes: no name section (was the wasm stripped?); sizes by crate need it", file=sys.stderr)
    total_code = sum(code_sizes.values())
    by_crate = collections.Counter()
    rows = []
    for idx, size in code_sizes.items():
        path = demangle(names.get(idx, f"func[{idx}]"))
        by_crate[crate_of(path)] += size
        rows.append((size, path))
    print(f"{args.wasm}: {len(data) / 1000:.1f} KB; code {total_code / 1000:.1f} KB in {len(code_sizes)} functions; "
          f"data segments {data_bytes / 1000:.1f} KB; custom sections {', '.join(f'{k} {v / 1000:.1f} KB' for k, v in custom.items())}")
    print(f"\ncode by crate (KB, in {args.wasm}; yew's CompStateInner::view holds our components' inlined bodies):")
    for crate, size in by_crate.most_common(20):
        print(f"  {size / 1000:8.1f}  {100 * size / total_code:5.1f}%  {crate}")
    print(f"\nlargest {args.top} functions (KB):")
    for size, path in sorted(rows, reverse=True)[: args.top]:
        print(f"  {size / 1000:8.1f}  {path[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
