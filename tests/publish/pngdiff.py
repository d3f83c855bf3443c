"""Reading a PNG from the standard library, and comparing two screenshots tolerantly.

Enough of PNG for Chromium's screenshots: 8 bits per channel, RGB or RGBA, not interlaced,
the five scanline filters. Two screenshots of the same page can differ by a pixel where a
font is rendered a little differently, so `difference` counts the share of pixels that
differ visibly, and a test allows a small share.
"""

from __future__ import annotations

import struct
import zlib


def decode(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"PNG of depth {depth}, colour type {colour}, interlace {interlace}")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        _unfilter(kind, line, previous, channels)
        rows.append(bytes(line) if channels == 3 else
                    bytes(b for i, b in enumerate(line) if i % 4 != 3))
        previous = line
    return width, height, rows


def _unfilter(kind: int, line: bytearray, previous: bytearray, bpp: int) -> None:
    if kind == 0:
        return
    if kind == 2:
        for i in range(len(line)):
            line[i] = (line[i] + previous[i]) & 0xFF
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
            line[i] = (line[i] + predictor) & 0xFF
        else:
            raise ValueError(f"unknown PNG filter {kind}")


def difference(first: bytes, second: bytes, threshold: int = 48) -> float:
    """The share of pixels whose colour differs by more than ``threshold`` in a channel;
    ValueError where the sizes differ."""
    if first == second:
        return 0.0
    w1, h1, rows1 = decode(first)
    w2, h2, rows2 = decode(second)
    if (w1, h1) != (w2, h2):
        raise ValueError(f"the screenshots differ in size: {w1}×{h1} and {w2}×{h2}")
    differing = 0
    for row1, row2 in zip(rows1, rows2, strict=True):
        if row1 == row2:
            continue
        for x in range(0, len(row1), 3):
            if max(abs(row1[x] - row2[x]), abs(row1[x + 1] - row2[x + 1]),
                   abs(row1[x + 2] - row2[x + 2])) > threshold:
                differing += 1
    return differing / (w1 * h1)
