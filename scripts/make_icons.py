#!/usr/bin/env python3
# Draws the app icons (www/icons/*.png) with the standard library only: a rising
# three-bar chart with a trend line on the theme colour. Run: python3 scripts/make_icons.py
"""Generate the PWA icons: icon-192.png, icon-512.png (rounded square) and
icon-maskable-512.png (full bleed, content inside the 80 % safe zone)."""

import math
import os
import struct
import sys
import zlib

THEME = (0x1F, 0x3A, 0x5F)  # matches <meta name="theme-color"> and the manifest
BARS = [(0x56, 0xB4, 0xE9), (0xE6, 0x9F, 0x00), (0x00, 0x9E, 0x73)]  # Okabe-Ito colours
LINE = (0xF5, 0xF5, 0xF5)
SUPERSAMPLE = 4


def png_bytes(width, height, rows):
    """Encode RGBA rows (lists of bytes) as a PNG file."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def seg_distance(px, py, ax, ay, bx, by):
    """Distance from point P to segment AB."""
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def sample(u, v, maskable):
    """Colour (r, g, b, a) at unit coordinates (u, v), origin top left."""
    if not maskable:
        # Rounded square covering the whole icon, corner radius 18 %.
        r = 0.18
        cx = min(max(u, r), 1 - r)
        cy = min(max(v, r), 1 - r)
        if math.hypot(u - cx, v - cy) > r:
            return (0, 0, 0, 0)
        inset, scale = 0.0, 1.0
    else:
        # Maskable: background everywhere, artwork shrunk into the central safe zone.
        inset, scale = 0.17, 0.66
    x = (u - inset) / scale
    y = (v - inset) / scale
    # Trend line over the bars.
    points = [(0.16, 0.56), (0.40, 0.44), (0.62, 0.30), (0.86, 0.16)]
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        if seg_distance(x, y, ax, ay, bx, by) < 0.035:
            return LINE + (255,)
    for (ax, ay) in points[1:]:
        if math.hypot(x - ax, y - ay) < 0.06:
            return LINE + (255,)
    # Three rising bars standing on a base line.
    bars = [(0.16, 0.36, 0.62), (0.42, 0.62, 0.50), (0.68, 0.88, 0.36)]
    for (x0, x1, top), colour in zip(bars, BARS):
        if x0 <= x <= x1 and top <= y <= 0.84:
            return colour + (255,)
    if 0.10 <= x <= 0.94 and 0.84 <= y <= 0.87:
        return LINE + (255,)
    return THEME + (255,)


def render(size, maskable):
    """Render one icon with SUPERSAMPLE x SUPERSAMPLE anti-aliasing."""
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    r, g, b, a = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, maskable)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / (n * n)
            if acc[3]:
                row += [round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(alpha)]
            else:
                row += [0, 0, 0, 0]
        rows.append(row)
    return png_bytes(size, size, rows)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "www", "icons")
    os.makedirs(out, exist_ok=True)
    for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True)]:
        path = os.path.join(out, name)
        with open(path, "wb") as f:
            f.write(render(size, maskable))
        print(f"wrote {os.path.normpath(path)} ({size}x{size}{', maskable' if maskable else ''})")


if __name__ == "__main__":
    main()
