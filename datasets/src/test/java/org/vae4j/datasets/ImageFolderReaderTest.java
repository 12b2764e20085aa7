package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image folders as torchvision's ImageFolder reads them: classes from the sorted folder names,
 * pixels exactly as written (PNG is lossless), grey or RGB channels first, and every problem
 * named with its file.
 */
class ImageFolderReaderTest {
    @TempDir
    Path dir;

    /** A 3x2 grey image whose pixel (x, y) is base + 10 y + x. */
    private static Path grey(Path file, int base) throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                img.getRaster().setSample(x, y, 0, base + 10 * y + x);
            }
        }
        return write(file, img);
    }

    private static Path write(Path file, BufferedImage img) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private LocatedDataset locate() {
        return new DataLocator(DatasetCatalog.standard(), List.of(), new Downloader()).locate(DatasetCatalog.IMAGE_FOLDER, dir,
                Map.of(), false);
    }

    @Test
    void classesAreTheSortedFoldersAndPixelsAreExact() throws IOException {
        grey(dir.resolve("train/shoes/b.png"), 100);
        grey(dir.resolve("train/shoes/a.png"), 50);
        grey(dir.resolve("train/bags/x.png"), 0);
        grey(dir.resolve("test/shoes/t.png"), 200);
        Files.writeString(dir.resolve("train/bags/notes.txt"), "not an image, not read");
        LocatedDataset d = locate();
        assertEquals(List.of("bags", "shoes"), d.classNames());
        ImageSet train = d.train();
        assertArrayEquals(new long[] {1, 2, 3}, train.shape());
        assertEquals(3, train.size());
        // bags/x, then shoes/a, shoes/b: class folder by class folder, files sorted
        assertArrayEquals(new int[] {0, 1, 1}, train.labels());
        assertEquals(50 + 10 + 2, train.pixel(1, 5));
        assertEquals(100, train.pixel(2, 0));
        ImageSet test = d.test();
        assertArrayEquals(new int[] {1}, test.labels());
        assertEquals(200 + 11, test.pixel(0, 4));
        assertEquals(4, d.files().size(), "each image is hashed for provenance");
    }

    @Test
    void colourImagesAreReadChannelsFirst() throws IOException {
        for (String f : new String[] {"train/a/1.png", "test/a/2.png"}) {
            BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, 0x102030);
            img.setRGB(1, 0, 0x405060);
            write(dir.resolve(f), img);
        }
        ImageSet train = locate().train();
        assertArrayEquals(new long[] {3, 1, 2}, train.shape());
        // R plane, G plane, B plane
        int[] expected = {0x10, 0x40, 0x20, 0x50, 0x30, 0x60};
        for (int k = 0; k < 6; k++) {
            assertEquals(expected[k], train.pixel(0, k), "value " + k);
        }
    }

    @Test
    void problemsNameTheFile() throws IOException {
        grey(dir.resolve("train/a/1.png"), 0);
        Path odd = write(dir.resolve("train/a/2.png"), new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY));
        grey(dir.resolve("test/a/1.png"), 0);
        DataFormatException size = assertThrows(DataFormatException.class, () -> locate().train());
        assertEquals(odd + ": is 4x4 pixels, but the first image, " + dir.resolve("train/a/1.png") + ", is 3x2; "
                + "give images of one size, or set \"imageShape\" and \"resize\": true in $.data to scale them",
                size.getMessage());
        Files.delete(odd);
        Path broken = dir.resolve("train/a/3.png");
        Files.writeString(broken, "this is text");
        DataFormatException unreadable = assertThrows(DataFormatException.class, () -> locate().train());
        assertTrue(unreadable.getMessage().startsWith(broken + ": "), unreadable.getMessage());
        Files.delete(broken);
        Path stranger = grey(dir.resolve("test/b/1.png"), 0);
        assertEquals(stranger + ": is in the class folder 'b', which the training images do not have (their classes: a)",
                assertThrows(DataFormatException.class, () -> locate().test()).getMessage());
    }

    @Test
    void aFolderWithoutTrainAndTestSaysWhatItNeeds() throws IOException {
        grey(dir.resolve("a/1.png"), 0);
        DataNotFoundException e = assertThrows(DataNotFoundException.class, this::locate);
        assertTrue(e.getMessage().contains("has no train/ folder; put the images in train/<class>/ (and "
                + "test/<class>/, or set $.data.testFraction)"), e.getMessage());
        assertTrue(e.getMessage().contains("correct the path: a folder with train/<class>/ and test/<class>/"),
                e.getMessage());
    }

    @Test
    void withoutATestFolderTheTestSplitIsHeldOutByFraction() throws IOException {
        for (int i = 0; i < 10; i++) {
            grey(dir.resolve("train/" + (i % 2 == 0 ? "even" : "odd") + "/" + i + ".png"), 10 * i);
        }
        LocatedDataset d = locate();
        assertTrue(!d.hasTestSplit());
        DataFormatException e = assertThrows(DataFormatException.class, d::test);
        assertEquals(dir + ": image-folder data with no test split: add test/<class>/ folders, or set "
                + "$.data.testFraction to hold out that share of the training images (e.g. 0.1)", e.getMessage());
        LocatedDataset split = d.withTestFraction(0.3, 7);
        ImageSet train = split.train();
        ImageSet test = split.test();
        assertEquals(7, train.size());
        assertEquals(3, test.size());
        java.util.Set<Integer> firstPixels = new java.util.TreeSet<>();
        for (ImageSet s : List.of(train, test)) {
            for (int i = 0; i < s.size(); i++) {
                firstPixels.add(s.pixel(i, 0));
            }
        }
        assertEquals(10, firstPixels.size(), "every image in exactly one split");
        assertEquals(List.of("even", "odd"), split.classNames());
        assertArrayEquals(test.pixels(0), d.withTestFraction(0.3, 7).test().pixels(0), "the same seed, the same split");
        assertThrows(IllegalStateException.class, () -> split.withTestFraction(0.3, 7));
    }

    @Test
    void anImageShapeConvertsChannelsAndResizeScalesOtherSizes() throws IOException {
        grey(dir.resolve("train/a/1.png"), 40);
        BufferedImage big = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                big.setRGB(x, y, (200 << 16) | (100 << 8) | 50);
            }
        }
        Path large = write(dir.resolve("train/b/2.png"), big);
        grey(dir.resolve("test/a/3.png"), 0);
        LocatedDataset d = locate();
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> d.withImageShape(new long[] {1, 2, 3}, false).train());
        assertEquals(large + ": is 6x4 pixels, but the images are to be 3x2 (the training images' size, or "
                + "$.data.imageShape); give images of one size, or set "
                + "\"imageShape\" and \"resize\": true in $.data to scale them", e.getMessage());

        ImageSet grey = d.withImageShape(new long[] {1, 2, 3}, true).train();
        assertArrayEquals(new long[] {1, 2, 3}, grey.shape());
        for (int p = 0; p < 6; p++) {
            // a plain colour stays plain when scaled, and becomes its luminance
            assertEquals(Math.round(0.299 * 200 + 0.587 * 100 + 0.114 * 50), grey.pixel(1, p), "pixel " + p);
        }
        assertEquals(40 + 11, grey.pixel(0, 4), "an image of the right size is read as it is");

        ImageSet rgb = d.withImageShape(new long[] {3, 2, 3}, true).test();
        assertArrayEquals(new long[] {3, 2, 3}, rgb.shape());
        assertEquals(rgb.pixel(0, 4), rgb.pixel(0, 6 + 4), "grey repeated into each channel");
        assertThrows(IllegalArgumentException.class, () -> d.withImageShape(new long[] {2, 2, 3}, true));
    }
}
