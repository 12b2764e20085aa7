package org.vae4j.engine.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The NPY element types vae4j reads and writes, and how their little-endian bytes map to ND4J.
 *
 * <p>Elements travel between ND4J and the stream as one Java primitive array per array, converted
 * in chunks through a little-endian {@link ByteBuffer}: one bulk copy out of (or into) native
 * memory instead of a JNI call per element.
 */
enum NpyDtype {
    FLOAT32("<f4", DataType.FLOAT, 4) {
        @Override
        Object elements(INDArray c) {
            return c.data().asFloat();
        }

        @Override
        Object allocate(int count) {
            return new float[count];
        }

        @Override
        void encode(Object src, int from, int count, ByteBuffer dst) {
            dst.asFloatBuffer().put((float[]) src, from, count);
        }

        @Override
        void decode(ByteBuffer src, Object dst, int from, int count) {
            src.asFloatBuffer().get((float[]) dst, from, count);
        }

        @Override
        INDArray create(Object elements, long[] shape) {
            return Nd4j.create((float[]) elements, shape, DataType.FLOAT);
        }
    },
    FLOAT64("<f8", DataType.DOUBLE, 8) {
        @Override
        Object elements(INDArray c) {
            return c.data().asDouble();
        }

        @Override
        Object allocate(int count) {
            return new double[count];
        }

        @Override
        void encode(Object src, int from, int count, ByteBuffer dst) {
            dst.asDoubleBuffer().put((double[]) src, from, count);
        }

        @Override
        void decode(ByteBuffer src, Object dst, int from, int count) {
            src.asDoubleBuffer().get((double[]) dst, from, count);
        }

        @Override
        INDArray create(Object elements, long[] shape) {
            return Nd4j.create((double[]) elements, shape, DataType.DOUBLE);
        }
    },
    INT32("<i4", DataType.INT32, 4) {
        @Override
        Object elements(INDArray c) {
            return c.data().asInt();
        }

        @Override
        Object allocate(int count) {
            return new int[count];
        }

        @Override
        void encode(Object src, int from, int count, ByteBuffer dst) {
            dst.asIntBuffer().put((int[]) src, from, count);
        }

        @Override
        void decode(ByteBuffer src, Object dst, int from, int count) {
            src.asIntBuffer().get((int[]) dst, from, count);
        }

        @Override
        INDArray create(Object elements, long[] shape) {
            return Nd4j.create((int[]) elements, shape, DataType.INT32);
        }
    },
    INT64("<i8", DataType.INT64, 8) {
        @Override
        Object elements(INDArray c) {
            return c.data().asLong();
        }

        @Override
        Object allocate(int count) {
            return new long[count];
        }

        @Override
        void encode(Object src, int from, int count, ByteBuffer dst) {
            dst.asLongBuffer().put((long[]) src, from, count);
        }

        @Override
        void decode(ByteBuffer src, Object dst, int from, int count) {
            src.asLongBuffer().get((long[]) dst, from, count);
        }

        @Override
        INDArray create(Object elements, long[] shape) {
            return Nd4j.create((long[]) elements, shape, DataType.INT64);
        }
    },
    UINT8("|u1", DataType.UINT8, 1) {
        @Override
        Object elements(INDArray c) {
            // ND4J has no bulk unsigned-byte getter; asInt() yields 0..255, narrowed here in Java
            int[] wide = c.data().asInt();
            byte[] bytes = new byte[wide.length];
            for (int i = 0; i < wide.length; i++) {
                bytes[i] = (byte) wide[i];
            }
            return bytes;
        }

        @Override
        Object allocate(int count) {
            return new byte[count];
        }

        @Override
        void encode(Object src, int from, int count, ByteBuffer dst) {
            dst.put((byte[]) src, from, count);
        }

        @Override
        void decode(ByteBuffer src, Object dst, int from, int count) {
            src.get((byte[]) dst, from, count);
        }

        @Override
        INDArray create(Object elements, long[] shape) {
            // the bytes are taken as raw UINT8 storage, so 0xFF reads back as 255
            return Nd4j.create((byte[]) elements, shape, DataType.UINT8);
        }
    };

    private final String descr;
    private final DataType dataType;
    private final int itemSize;

    NpyDtype(String descr, DataType dataType, int itemSize) {
        this.descr = descr;
        this.dataType = dataType;
        this.itemSize = itemSize;
    }

    /** The NumPy type string, e.g. {@code <f4}, as written in the header's {@code descr}. */
    String descr() {
        return descr;
    }

    DataType dataType() {
        return dataType;
    }

    /** Bytes per element. */
    int itemSize() {
        return itemSize;
    }

    /** The elements of a C-ordered array that owns its whole buffer, as a Java primitive array. */
    abstract Object elements(INDArray c);

    /** A Java primitive array for {@code count} elements. */
    abstract Object allocate(int count);

    /** Puts {@code count} elements of {@code src} from {@code from} at the start of {@code dst}. */
    abstract void encode(Object src, int from, int count, ByteBuffer dst);

    /** Gets {@code count} elements from the start of {@code src} into {@code dst} at {@code from}. */
    abstract void decode(ByteBuffer src, Object dst, int from, int count);

    /** A new C-ordered array of the given shape holding {@code elements} in C order. */
    abstract INDArray create(Object elements, long[] shape);

    static Optional<NpyDtype> forDescr(String descr) {
        return Arrays.stream(values()).filter(t -> t.descr.equals(descr)).findFirst();
    }

    static Optional<NpyDtype> forDataType(DataType dataType) {
        // DataType.INT32 etc. are aliases of INT etc., so compare constants rather than names
        return Arrays.stream(values()).filter(t -> t.dataType == dataType).findFirst();
    }

    /** The supported type strings, for error messages. */
    static String supportedDescrs() {
        return Arrays.stream(values()).map(NpyDtype::descr).collect(Collectors.joining(", "));
    }
}
