package org.vae4j.onednn;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.engine.layers.HostFloats;

/** Where an ND4J array's first element lies in host memory, for handing it to oneDNN. */
final class Addresses {
    private Addresses() {
    }

    /** A raw address as JavaCPP passes it to a {@code void *} parameter. */
    private static final class Raw extends Pointer {
        Raw(long address) {
            this.address = address;
        }
    }

    /**
     * @param a an array, or null
     * @return whether oneDNN can read or write it in place: null, or FLOAT, its elements dense in C
     *         order (whatever ND4J calls the order of a vector), in host memory, and either not a view or a view whose data buffer
     *         starts at its first element (as the parameters, reshaped intervals of one flat vector);
     *         other views take libnd4j's ops
     */
    static boolean served(INDArray a) {
        if (a == null) {
            return true;
        }
        if (a.dataType() != DataType.FLOAT || a.isEmpty() || a.offset() != a.data().offset()
                || !HostFloats.dense(a.shape(), a.stride())) {
            return false;
        }
        Pointer p = a.data().addressPointer();
        return p != null && !p.isNull();
    }

    /**
     * @return the address of {@code a}'s first element: its data buffer's, which for a view buffer
     *         already lies at the view's offset
     */
    static Pointer of(INDArray a) {
        Pointer p = a.data().addressPointer();
        return new Raw(p.address() + p.position() * p.sizeof());
    }
}
