"""Writes the two input pictures of docs/VISUALIZE.md with numpy only (no PIL):
scene.png, a generated 224x224 RGB scene, and fashion-mnist-boot.png, the first Fashion-MNIST test
image (Debian's dataset-fashion-mnist)."""
import gzip
import struct
import zlib

import numpy as np


def png(path, a):
    a = np.clip(a, 0, 255).astype(np.uint8)
    h, w = a.shape[:2]
    colour, raw = (0, a) if a.ndim == 2 else (2, a.reshape(h, w * 3))
    data = b"".join(b"\x00" + raw[y].tobytes() for y in range(h))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, colour, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(data, 9)) + chunk(b"IEND", b""))


H = W = 224
y, x = np.mgrid[0:H, 0:W]
img = np.zeros((H, W, 3))
img[..., 0] = 110 + 60 * y / H
img[..., 1] = 160 + 50 * y / H
img[..., 2] = 235
img[(x - 170) ** 2 + (y - 50) ** 2 < 26 ** 2] = [250, 210, 40]                     # sun
ground = y > 140
stripes = ((x + y // 2) // 10) % 2 == 0
img[ground & stripes] = [60, 150, 50]
img[ground & ~stripes] = [90, 180, 70]
img[(x > 40) & (x < 120) & (y > 95) & (y < 175)] = [180, 60, 50]                   # house
img[(y <= 95) & (y > 55) & (np.abs(x - 80) < (y - 55) * 1.1)] = [90, 50, 40]       # roof
img[(x > 70) & (x < 90) & (y > 135) & (y < 175)] = [70, 40, 20]                    # door
img[(((x > 50) & (x < 64)) | ((x > 96) & (x < 110))) & (y > 110) & (y < 124)] = [230, 240, 255]  # windows
png("scene.png", img)

with gzip.open("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz") as f:
    images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
png("fashion-mnist-boot.png", images[0])
