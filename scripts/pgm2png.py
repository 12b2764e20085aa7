#!/usr/bin/env python3
"""Converts a binary greyscale PGM (P5, as torch_gan.py writes without matplotlib) to a PNG, with
the standard library only: scripts/pgm2png.py in.pgm out.png [scale]"""
import struct, sys, zlib

def read_pgm(path):
    data = open(path, 'rb').read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    if fields[0] != b'P5' or int(fields[3]) > 255:
        sys.exit(f"{path}: not an 8-bit binary PGM")
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h]

def write_png(path, w, h, pixels):
    rows = b''.join(b'\x00' + pixels[y * w:(y + 1) * w] for y in range(h))
    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
    png += chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')
    open(path, 'wb').write(png)

w, h, px = read_pgm(sys.argv[1])
scale = int(sys.argv[3]) if len(sys.argv) > 3 else 1
rows = []
for y in range(h):
    row = bytes(b for b in px[y * w:(y + 1) * w] for _ in range(scale))
    rows.extend([row] * scale)
write_png(sys.argv[2], w * scale, h * scale, b''.join(rows))
