package org.vae4j.engine.optim;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between a flat ND4J vector and a Java array. Optimizers update parameters in plain
 * Java loops over heap arrays because the JIT vectorizes them: measured on the 2-core CI machine,
 * a fused Adam step over 650k floats takes 0.15 ms this way, against 2-6 ms for ND4J 1.0.0-M2.1's
 * native AdamUpdater and 2.5 ms for its element-wise sqrt alone (docs/BENCHMARKS.md). The copies
 * in and out are memcpy-speed.
 */
final class HostVectors {
    private HostVectors() {
    }

    static boolean isFloat(INDArray a) {
        if (a.dataType() == DataType.FLOAT) {
            return true;
        }
        if (a.dataType() == DataType.DOUBLE) {
            return false;
        }
        throw new IllegalArgumentException("optimizers work on FLOAT or DOUBLE parameters, got " + a.dataType());
    }

    private static void requireContiguous(INDArray a) {
        if (a.isView() && a.length() != a.data().length() || a.elementWiseStride() != 1) {
            throw new IllegalArgumentException("expected a contiguous flat vector");
        }
    }

    private static FloatBuffer floats(INDArray a) {
        requireContiguous(a);
        FloatBuffer fb = a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        fb.position((int) a.offset());
        return fb;
    }

    private static DoubleBuffer doubles(INDArray a) {
        requireContiguous(a);
        DoubleBuffer db = a.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
        db.position((int) a.offset());
        return db;
    }

    static void read(INDArray a, float[] dst) {
        floats(a).get(dst, 0, dst.length);
    }

    static void write(float[] src, INDArray a) {
        floats(a).put(src, 0, src.length);
    }

    static void read(INDArray a, double[] dst) {
        doubles(a).get(dst, 0, dst.length);
    }

    static void write(double[] src, INDArray a) {
        doubles(a).put(src, 0, src.length);
    }

    static INDArray toArray(float[] f) {
        return Nd4j.createFromArray(f.clone());
    }

    static INDArray toArray(double[] d) {
        return Nd4j.createFromArray(d.clone());
    }
}
