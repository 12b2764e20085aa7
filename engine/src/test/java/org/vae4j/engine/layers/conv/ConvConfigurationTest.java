package org.vae4j.engine.layers.conv;

import org.vae4j.api.Pass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.engine.layers.conv.ConvTesting.rng;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.engine.layers.ShapeMismatchException;

/** Output-size rules and the messages of configurations that do not fit. */
class ConvConfigurationTest {
    private final Pass pass = Pass.training();
    private static final DataType D = DataType.DOUBLE;
    private static final Size2d ONE = Size2d.of(1);

    private static void assertMessage(Executable e, String... parts) {
        ShapeMismatchException ex = assertThrows(ShapeMismatchException.class, e);
        for (String part : parts) {
            assertTrue(ex.getMessage().contains(part), "'" + ex.getMessage() + "' lacks '" + part + "'");
        }
    }

    @Test
    void outputSizeRulesAreTorchs() {
        // floor((28 + 2 - 2 - 1) / 2) + 1: the quotient 13.5 is floored, as PyTorch does
        assertEquals(14, ConvArithmetic.convOutput(28, 3, 2, 1, 1));
        assertEquals(4, ConvArithmetic.convOutput(7, 3, 2, 1, 1));
        assertEquals(2, ConvArithmetic.convOutput(7, 3, 2, 0, 2));
        assertEquals(7, ConvArithmetic.transposedOutput(4, 3, 2, 1, 0, 1));
        assertEquals(14, ConvArithmetic.transposedOutput(7, 3, 2, 1, 1, 1));
        assertEquals(28, ConvArithmetic.transposedOutput(14, 3, 2, 1, 1, 1));
        assertArrayEquals(new long[] {3, 3, 3}, new MaxPool2d(new long[] {3, 7, 7}, 2).outputShape());
        assertArrayEquals(new long[] {3, 4, 4},
                new AvgPool2d(new long[] {3, 7, 7}, Size2d.of(3), Size2d.of(2), ONE).outputShape());
        assertArrayEquals(new long[] {2, 6, 9}, new Upsample(new long[] {2, 3, 3}, Size2d.of(2, 3)).outputShape());
    }

    @Test
    void kernelLargerThanThePaddedInput() {
        assertMessage(() -> new Conv2d(new long[] {1, 3, 3}, 2, 5, 1, 0, Initializer.PYTORCH, D, rng(1)),
                "Conv2d(1 -> 2, kernel 5", "kernel 5x5", "larger than the padded input 3x3");
        assertMessage(() -> new Conv2d(new long[] {1, 4, 4}, 2, Size2d.of(3), ONE, ONE, Size2d.of(3), 1, true,
                Initializer.PYTORCH, D, rng(2)), "Conv2d", "7x7 with dilation 3", "padded input 6x6");
        assertMessage(() -> new MaxPool2d(new long[] {1, 2, 2}, 3), "MaxPool2d(kernel 3", "padded input 2x2");
    }

    @Test
    void groupsMustDivideTheChannels() {
        assertMessage(() -> new Conv2d(new long[] {3, 5, 5}, 4, Size2d.of(3), ONE, ONE, ONE, 2, true,
                Initializer.PYTORCH, D, rng(3)), "Conv2d(3 -> 4", "groups 2");
        assertMessage(() -> new ConvTranspose2d(new long[] {4, 5, 5}, 3, Size2d.of(3), ONE, ONE, Size2d.of(0), ONE, 2,
                true, Initializer.PYTORCH, D, rng(4)), "ConvTranspose2d(4 -> 3", "groups 2");
    }

    @Test
    void outputPaddingMustBeBelowStrideOrDilation() {
        assertMessage(() -> new ConvTranspose2d(new long[] {2, 4, 4}, 2, 3, 2, 1, 2, Initializer.PYTORCH, D, rng(5)),
                "ConvTranspose2d(2 -> 2", "output padding 2", "stride 2");
    }

    @Test
    void transposedOutputMustBePositive() {
        assertMessage(() -> new ConvTranspose2d(new long[] {2, 1, 1}, 2, 1, 1, 1, 0, Initializer.PYTORCH, D, rng(6)),
                "ConvTranspose2d", "output size -1x-1");
    }

    @Test
    void poolingPaddingAtMostHalfTheKernel() {
        assertMessage(() -> new AvgPool2d(new long[] {1, 6, 6}, Size2d.of(2), Size2d.of(2), Size2d.of(2)),
                "AvgPool2d(kernel 2", "padding 2 must be at most half the kernel 2");
    }

    @Test
    void invalidSizesAndShapes() {
        assertMessage(() -> new Conv2d(new long[] {1, 28}, 2, 3, 1, 0, Initializer.PYTORCH, D, rng(7)),
                "Conv2d", "[C, H, W]", "[1, 28]");
        assertMessage(() -> new Conv2d(new long[] {1, 8, 8}, 2, 3, 0, 0, Initializer.PYTORCH, D, rng(8)),
                "stride must be >= 1");
        assertMessage(() -> new Upsample(new long[] {1, 8, 8}, 0), "Upsample", "scale must be >= 1");
        assertMessage(() -> new Reshape(new long[] {1000}, 64, 4, 4), "Reshape(1000 -> 64x4x4)", "1024 values");
    }

    @Test
    void wrongInputAtForwardNamesTheLayer() {
        Conv2d conv = new Conv2d(new long[] {1, 28, 28}, 32, 3, 2, 1, Initializer.PYTORCH, D, rng(9));
        assertMessage(() -> conv.forward(Nd4j.zeros(D, 2, 1, 27, 28), pass),
                "Conv2d(1 -> 32, kernel 3, stride 2, padding 1; 1x28x28 -> 32x14x14)", "[N, 1, 28, 28]",
                "[2, 1, 27, 28]");
        Flatten flat = new Flatten(64, 4, 4);
        assertMessage(() -> flat.forward(Nd4j.zeros(D, 2, 1024), pass), "Flatten(64x4x4 -> 1024)", "[N, 64, 4, 4]");
    }

    @Test
    void sequentialNamesTheLayersThatDoNotFit() {
        Conv2d a = new Conv2d(new long[] {1, 28, 28}, 32, 3, 2, 1, Initializer.PYTORCH, D, rng(10));
        Conv2d b = new Conv2d(new long[] {32, 7, 7}, 64, 3, 1, 1, Initializer.PYTORCH, D, rng(11));
        assertMessage(() -> new Sequential(List.of(a, b)), "layer 1 (Conv2d(32 -> 64", "[32, 7, 7]", "[32, 14, 14]");
    }
}
