package org.vae4j.api;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run of a network forward, and what its backward pass needs of it.
 *
 * <p>A layer keeps nothing of a pass in its own fields: its activations, the inputs its backward
 * pass reads and its output buffers live here, under the layer ({@link #state}). So one network can
 * run several times in a training step, each run with a pass of its own (a discriminator on real
 * and on generated images, an encoder on data and on a VampPrior's pseudo-inputs), and be
 * back-propagated through each run. Parameter gradients then add up over the runs, as the
 * {@link Layer} contract says.
 *
 * <p>A pass is meant to be kept and reused from step to step: the buffers its layers put in it stay
 * allocated, so a training step allocates almost nothing. A training pass also selects training
 * behaviour where a layer has one (batch statistics in batch normalization). Not thread-safe.
 */
public final class Pass {
    private final boolean training;
    private final Map<Object, Object> states = new IdentityHashMap<>();

    private Pass(boolean training) {
        this.training = training;
    }

    /** @return a pass whose backward pass may follow; layers keep what it needs and use training behaviour */
    public static Pass training() {
        return new Pass(true);
    }

    /** @return a pass without backward pass: layers keep nothing and use inference behaviour */
    public static Pass inference() {
        return new Pass(false);
    }

    /** @return whether a backward pass may follow */
    public boolean isTraining() {
        return training;
    }

    /**
     * The state an owner (usually a layer) keeps in this pass, made on first use.
     *
     * @param owner  the owner, compared by identity
     * @param create makes the state the first time
     * @param <S>    the state's type; an owner must always ask for the same type
     * @return the owner's state in this pass
     */
    @SuppressWarnings("unchecked")
    public <S> S state(Object owner, Supplier<S> create) {
        Object s = states.get(owner);
        if (s == null) {
            s = create.get();
            states.put(owner, s);
        }
        return (S) s;
    }

    @Override
    public String toString() {
        return (training ? "training" : "inference") + " pass";
    }
}
