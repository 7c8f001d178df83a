#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Counts the pixels of a PNG screenshot near a colour: png_pixels.py FILE RRGGBB [TOLERANCE].

Prints "<matching> <total>". Reads 8-bit RGB and RGBA PNGs (what Chromium writes) with the
standard library only, so the browser tests can tell a drawn graph from a blank page.
"""
import struct
import sys
import zlib


def rows(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG file")
    at, idat = 8, b""
    width = height = channels = 0
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise SystemExit(f"{path}: only 8-bit RGB or RGBA is read")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        yield line, channels, width
        previous = line


def main():
    path, colour = sys.argv[1], sys.argv[2]
    tolerance = int(sys.argv[3]) if len(sys.argv) > 3 else 24
    want = [int(colour[i:i + 2], 16) for i in (0, 2, 4)]
    matching = total = 0
    for line, channels, width in rows(path):
        for x in range(width):
            px = line[x * channels:x * channels + 3]
            total += 1
            if all(abs(px[k] - want[k]) <= tolerance for k in range(3)):
                matching += 1
    print(matching, total)


if __name__ == "__main__":
    main()
