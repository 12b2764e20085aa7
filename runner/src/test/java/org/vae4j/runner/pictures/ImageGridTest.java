package org.vae4j.runner.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ImageGridTest {
    @Test
    void enlargesEveryPixelToABlock() {
        // two 2x2 grey tiles side by side: 0, 1/3, 2/3, 1 and its reverse
        float[][] pics = {{0f, 1f / 3, 2f / 3, 1f}, {1f, 2f / 3, 1f / 3, 0f}};
        BufferedImage img = ImageGrid.render(Nd4j.create(pics), new long[] {1, 2, 2}, 2, 3);
        assertEquals(3 * (2 * (2 + ImageGrid.GAP) + ImageGrid.GAP), img.getWidth());
        assertEquals(3 * (2 + 2 * ImageGrid.GAP), img.getHeight());
        for (int t = 0; t < 2; t++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    int expected = Math.round(pics[t][y * 2 + x] * 255);
                    for (int by = 0; by < 3; by++) {
                        for (int bx = 0; bx < 3; bx++) {
                            int px = 3 * (ImageGrid.GAP + t * (2 + ImageGrid.GAP) + x) + bx;
                            int py = 3 * (ImageGrid.GAP + y) + by;
                            assertEquals(expected, img.getRGB(px, py) & 0xFF, "tile " + t + " (" + x + ", " + y + ")");
                        }
                    }
                }
            }
        }
        assertEquals(0x808080, img.getRGB(0, 0) & 0xFFFFFF, "grey border");
        assertEquals(img.getRGB(0, 0), ImageGrid.render(Nd4j.create(pics), new long[] {1, 2, 2}, 2, 1).getRGB(0, 0));
    }

    @Test
    void picksAScaleThatKeepsGridsAPersonCanSee() {
        assertEquals(3, ImageGrid.scaleFor(8, 28), "8 x 8 samples: 726 px");
        assertEquals(3, ImageGrid.scaleFor(10, 28), "10 x 10 manifold: 906 px");
        assertEquals(2, ImageGrid.scaleFor(16, 28), "16 reconstructions: 964 px");
        assertEquals(2, ImageGrid.scaleFor(20, 28), "20 x 20 manifold: 1204 px");
        assertEquals(1, ImageGrid.scaleFor(40, 28));
        assertEquals(1, ImageGrid.scaleFor(100, 28), "never below 1");
        assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.render(Nd4j.create(new float[][] {{0f}}), new long[] {1, 1, 1}, 1, 0));
    }
}
