package org.vae4j.api.model;

import java.util.List;
import org.nd4j.linalg.api.rng.Random;
import org.vae4j.api.data.Batch;

/**
 * A trainable generative model, built by a model family: the provider a spec names in
 * {@code "model": {"type": ...}} (default {@code vae}), which declares the
 * {@linkplain org.vae4j.api.spi.Slot slots} it needs (a VAE: encoder, decoder, prior, likelihood,
 * objective; a GAN: generator, discriminator, prior, loss) and builds them through its
 * {@link org.vae4j.api.spi.BuildContext}. The model owns its mathematics; the engine owns the loop around it: it
 * gives every {@linkplain #parameterGroups() parameter group} an optimizer of its own, runs the
 * {@linkplain #phases() training phases} of each iteration in order, zeroes, clips and applies
 * each phase's gradients, stops on a non-finite metric, evaluates, checkpoints and reports.
 *
 * <p>What else a model can do is told by the capability interfaces it implements ({@link Sampler},
 * {@link LatentEncoder}, {@link Reconstructor}, {@link DensityModel}, {@link HasNetworks}); the
 * pictures and commands a run gets follow from them.
 */
@org.vae4j.api.spi.ComponentKind("model")
public interface Model {

    /** @return the groups of parameters, each trained by an optimizer of its own; names unique */
    List<ParameterGroup> parameterGroups();

    /**
     * @return the phases of one training iteration, in order (a VAE: one; a GAN: k discriminator
     *         phases, then a generator phase)
     */
    List<TrainingPhase> phases();

    /**
     * The metrics of a held-out batch, without gradients and with inference behaviour.
     *
     * @param batch  the batch
     * @param random the stream of any noise the evaluation draws
     * @return sums over the batch
     */
    Metrics evaluate(Batch batch, Random random);

    /**
     * @return what the metrics of {@link TrainingPhase#step} and {@link #evaluate} mean, in the
     *         order reports show them
     */
    List<MetricInfo> metrics();

    /** @return a one-line description of the architecture */
    String describe();
}
