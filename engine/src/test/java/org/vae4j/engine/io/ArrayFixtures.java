package org.vae4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Sample arrays and an exact, bit-for-bit comparison of arrays for the io tests. */
final class ArrayFixtures {
    private ArrayFixtures() {
    }

    /** An array of the given type and shape whose values include each type's awkward extremes. */
    static INDArray sample(DataType type, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        if (type == DataType.FLOAT) {
            float[] v = new float[n];
            float[] special = {Float.NaN, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE};
            for (int i = 0; i < n; i++) {
                v[i] = i < special.length && n > special.length ? special[i] : (i - n / 2f) * 0.37f;
            }
            return Nd4j.create(v, shape, type);
        }
        if (type == DataType.DOUBLE) {
            double[] v = new double[n];
            double[] special = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE};
            for (int i = 0; i < n; i++) {
                v[i] = i < special.length && n > special.length ? special[i] : (i - n / 2.0) * Math.PI;
            }
            return Nd4j.create(v, shape, type);
        }
        if (type == DataType.INT32) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = i == 0 ? Integer.MIN_VALUE : i == 1 ? Integer.MAX_VALUE : (i - 3) * 123_456_789;
            }
            return Nd4j.create(v, shape, type);
        }
        if (type == DataType.INT64) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = i == 0 ? Long.MIN_VALUE : i == 1 ? Long.MAX_VALUE : (i - 3) * 0x1234_5678_9ABCL;
            }
            return Nd4j.create(v, shape, type);
        }
        if (type == DataType.UINT8) {
            byte[] v = new byte[n];
            for (int i = 0; i < n; i++) {
                v[i] = (byte) (255 - i * 37);
            }
            return Nd4j.create(v, shape, type);
        }
        throw new IllegalArgumentException(type.toString());
    }

    /** Asserts same type, same shape and bit-identical elements (NaN equals NaN, -0.0 differs from 0.0). */
    static void assertSameArray(INDArray expected, INDArray actual) {
        assertEquals(expected.dataType(), actual.dataType(), "data type");
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        if (expected.length() == 0) {
            return;
        }
        INDArray e = expected.dup('c');
        INDArray a = actual.dup('c');
        DataType type = expected.dataType();
        if (type == DataType.FLOAT) {
            assertArrayEquals(e.data().asFloat(), a.data().asFloat());
        } else if (type == DataType.DOUBLE) {
            assertArrayEquals(e.data().asDouble(), a.data().asDouble());
        } else if (type == DataType.INT64) {
            assertArrayEquals(e.data().asLong(), a.data().asLong());
        } else {
            assertArrayEquals(e.data().asInt(), a.data().asInt());
        }
    }
}
