#!/usr/bin/env python3
"""Writes the images of an IDX pair (MNIST, Fashion-MNIST, KMNIST) as PNG files in one folder per
class, the layout of vae4j's image-folder data set, with the standard library only:

    scripts/idx2png.py IMAGES.gz LABELS.gz OUT_DIR [N] [CLASS_NAMES]

writes OUT_DIR/<class>/NNNNN.png for the first N images (all by default). CLASS_NAMES is a
comma-separated list of folder names in label order (default: Fashion-MNIST's, made file-safe)."""
import gzip, os, struct, sys, zlib

FASHION = "tshirt-top,trouser,pullover,dress,coat,sandal,shirt,sneaker,bag,ankle-boot"

def read(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rb') as f:
        return f.read()

def png(path, w, h, pixels):
    raw = b''.join(b'\x00' + pixels[y * w:(y + 1) * w] for y in range(h))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))

def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    images, labels = read(sys.argv[1]), read(sys.argv[2])
    magic, n, h, w = struct.unpack('>IIII', images[:16])
    if magic != 0x803 or struct.unpack('>I', labels[:4])[0] != 0x801:
        sys.exit("not an IDX image file and an IDX label file")
    n = min(n, int(sys.argv[4])) if len(sys.argv) > 4 else n
    names = (sys.argv[5] if len(sys.argv) > 5 else FASHION).split(',')
    for i in range(n):
        folder = os.path.join(sys.argv[3], names[labels[8 + i]])
        os.makedirs(folder, exist_ok=True)
        png(os.path.join(folder, '%05d.png' % i), w, h, images[16 + i * w * h:16 + (i + 1) * w * h])
    print(f"wrote {n} images into {sys.argv[3]}")

main()
