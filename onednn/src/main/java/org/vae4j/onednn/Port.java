package org.vae4j.onednn;

import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One argument of a primitive: the user's array (NCHW, PyTorch's weight layout) and, where the
 * primitive wants another layout (oneDNN's blocked ones), a buffer of its own in that layout with
 * the reorders between the two, created once. The user's array is bound per call by address.
 */
final class Port implements AutoCloseable {
    private final memory user;
    private final memory inner;
    private final reorder toInner;
    private final reorder toUser;

    /**
     * @param cpu     the engine
     * @param userDesc the layout of the user's arrays
     * @param wanted  the layout the primitive asked for
     * @param read    whether the primitive reads the argument
     * @param written whether it writes it
     */
    Port(engine cpu, memory.desc userDesc, memory.desc wanted, boolean read, boolean written) {
        this.user = new memory(userDesc, cpu, (Pointer) null);
        if (wanted.equals(userDesc)) {
            this.inner = user;
            this.toInner = null;
            this.toUser = null;
        } else {
            this.inner = new memory(wanted, cpu);
            this.toInner = read ? new reorder(user, inner) : null;
            this.toUser = written ? new reorder(inner, user) : null;
        }
    }

    /** @return the memory to hand the primitive, holding {@code a}'s values in its layout */
    memory read(INDArray a, stream s) {
        user.set_data_handle(Addresses.of(a));
        if (toInner != null) {
            toInner.execute(s, user, inner);
        }
        return inner;
    }

    /** @return the memory the primitive writes; {@link #store} then brings it to {@code a} */
    memory target(INDArray a) {
        user.set_data_handle(Addresses.of(a));
        return inner;
    }

    /** Copies what the primitive wrote into the array given to {@link #target}. */
    void store(stream s) {
        if (toUser != null) {
            toUser.execute(s, inner, user);
        }
    }

    /** @return the memory object the primitive's argument map holds */
    memory memory() {
        return inner;
    }

    @Override
    public void close() {
        if (toInner != null) {
            toInner.close();
        }
        if (toUser != null) {
            toUser.close();
        }
        if (inner != user) {
            inner.close();
        }
        user.close();
    }
}
