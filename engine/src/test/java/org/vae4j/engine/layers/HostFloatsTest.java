package org.vae4j.engine.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Which arrays copy to and from a float[] in one piece, and that the copies land where they should. */
class HostFloatsTest {
    @Test
    void axesOfOneAreDenseWhateverTheirStride() {
        // ND4J's strides for [N, 1, H, W]: the channel axis gets H*W, not the product after it
        assertTrue(HostFloats.dense(new long[] {2, 1, 3, 3}, new long[] {9, 9, 3, 1}));
        assertTrue(HostFloats.dense(new long[] {1, 1, 3, 3}, new long[] {9, 9, 3, 1}));
        assertFalse(HostFloats.dense(new long[] {2, 2, 3, 3}, new long[] {9, 18, 3, 1}));
        assertFalse(HostFloats.dense(new long[] {2, 3}, new long[] {1, 2}));
    }

    @Test
    void oneChannelBatchesAndParameterViewsFitAndCopyBothWays() {
        INDArray oneChannel = Nd4j.arange(18).castTo(DataType.FLOAT).reshape('c', 2, 1, 3, 3);
        assertTrue(HostFloats.fits(oneChannel));
        float[] host = new float[18];
        HostFloats.read(oneChannel, host);
        assertArrayEquals(oneChannel.data().asFloat(), host, 0f);
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 30);
        INDArray view = flat.get(NDArrayIndex.interval(5, 23)).reshape('c', 2, 1, 3, 3);
        assertTrue(HostFloats.fits(view));
        HostFloats.write(host, view);
        assertEquals(oneChannel, view);
        assertEquals(0.0, flat.get(NDArrayIndex.interval(0, 5)).sumNumber().doubleValue());
        assertEquals(0.0, flat.get(NDArrayIndex.interval(23, 30)).sumNumber().doubleValue());
    }

    @Test
    void columnSlicesFortranOrderAndOtherTypesDoNot() {
        INDArray wide = Nd4j.ones(DataType.FLOAT, 4, 9);
        assertFalse(HostFloats.fits(wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 5))));
        assertFalse(HostFloats.fits(Nd4j.ones(DataType.FLOAT, 4, 5).dup('f')));
        assertFalse(HostFloats.fits(Nd4j.ones(DataType.DOUBLE, 4, 5)));
    }
}
