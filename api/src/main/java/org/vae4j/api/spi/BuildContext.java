package org.vae4j.api.spi;

import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.data.DataInfo;

/**
 * What a component being built must fit, and how it builds the components of its
 * {@linkplain Provider#slots() slots}. Sizes are per example, without the batch dimension.
 *
 * <p>Shapes are set by whoever builds the component: a VAE family asks for an encoder from the
 * data's shape to {@code [2L]} (mean and log-variance), a decoder from {@code [L]} to
 * {@code [P*D]} (P likelihood parameters per data dimension); a GAN family for a generator from
 * {@code [L]} to {@code [D]}. A component that is no network (a prior, a likelihood) gets the
 * shape of what it is about: a prior's output shape is the latent shape {@code [L]}.
 */
public interface BuildContext {

    /** @return the JSON path of the component, e.g. {@code $.model.encoder}, for messages */
    String path();

    /** @return the data the model is built for */
    DataInfo data();

    /** @return the shape of one data example, e.g. {@code {1, 28, 28}} (channels, height, width) */
    default long[] dataShape() {
        return data().shape();
    }

    /** @return D, the number of values in one flattened example */
    default long dataDimensions() {
        return data().dimensions();
    }

    /** @return the shape the component maps from; empty when none was set */
    long[] inputShape();

    /** @return the shape the component maps to; empty when none was set */
    long[] outputShape();

    /** @return the number of values of {@link #inputShape()} */
    default long inputWidth() {
        return product(inputShape());
    }

    /** @return the number of values of {@link #outputShape()} */
    default long outputWidth() {
        return product(outputShape());
    }

    /**
     * @return L, the size of the model's latent code as the model family told it to this
     *         component (and so to the components of its slots); 0 if it told none
     */
    int latentDim();

    /** @return the floating-point type of parameters and activations */
    DataType dataType();

    /**
     * @return the random stream for this component's initial parameter values, seeded from the
     *         spec's seed and (by the runner) the component's place in the spec
     */
    Random random();

    /**
     * @param type a class of component the builder shares with its slots
     * @param <T>  the type
     * @return the shared component (a VampPrior sees the encoder it mixes posteriors of)
     */
    <T> Optional<T> shared(Class<T> type);

    /**
     * Starts building one of this provider's {@linkplain Provider#slots() slots}.
     *
     * @param field the slot's field
     * @return a request to give shapes and shared components, then {@link SlotRequest#create}
     * @throws IllegalArgumentException if the provider declares no such slot
     */
    SlotRequest slot(String field);

    /** Building a slot's component: the shapes it must fit, then {@link #create}. */
    interface SlotRequest {
        /**
         * The shape the component maps from. A component that is a
         * {@link org.vae4j.api.Layer} must take it, or its flattened width; the runner checks.
         *
         * @param what  words for messages, e.g. {@code "the data ([1, 28, 28])"}
         * @param shape the shape
         * @return this
         */
        SlotRequest input(String what, long... shape);

        /**
         * The shape the component maps to. A component that is a {@link org.vae4j.api.Layer}
         * must produce it, or its flattened width; the runner checks.
         *
         * @param what  words for messages, e.g. {@code "2 x latentDim = 40 (mean and log-variance)"}
         * @param shape the shape
         * @return this
         */
        SlotRequest output(String what, long... shape);

        /**
         * @param latentDim L, the size of the model's latent code, for components that need it
         *                  beyond their shapes (a spatial code's channels)
         * @return this
         */
        SlotRequest latentDim(int latentDim);

        /**
         * @param component something the slot's component may look up with {@link BuildContext#shared}
         * @return this
         */
        SlotRequest share(Object component);

        /**
         * @param kind the component interface (the slot's kind or a super-interface)
         * @param <T>  the component type
         * @return the component the spec names for the slot
         * @throws ConfigException if it cannot be built; the runner reports it at the slot's path
         */
        <T> T create(Class<T> kind);
    }

    private static long product(long[] shape) {
        long d = 1;
        for (long s : shape) {
            d *= s;
        }
        return shape.length == 0 ? 0 : d;
    }
}
