package org.vae4j.runner.assemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Prior;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.model.VariationalAutoencoder;
import org.vae4j.engine.optim.Adam;
import org.vae4j.engine.optim.Adamax;
import org.vae4j.engine.optim.Optimizer;
import org.vae4j.engine.optim.Sgd;
import org.vae4j.engine.train.SeededRandom;
import org.vae4j.engine.train.Seeds;
import org.vae4j.runner.spec.ComponentSpec;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.OptimizerSpec;
import org.vae4j.runner.spec.SpecException;
import org.vae4j.runner.spec.SpecProblem;

/**
 * Builds the model a spec describes for data of a given shape, inferring every size: the encoder
 * must emit {@code 2L} values (L for an autoencoder), the decoder {@code P * D}. A component that
 * cannot be built, or builds with the wrong shapes, is a {@link SpecException} naming its JSON path.
 */
public final class ModelAssembler {
    private static final long INIT = 11;

    private ModelAssembler() {
    }

    /**
     * @param spec      the checked spec
     * @param dataShape the shape of one example, e.g. {@code {1, 28, 28}}
     * @param source    the spec file, for messages
     * @return the model, with parameters drawn from the spec's seed
     * @throws SpecException if a component rejects its configuration or shapes do not fit
     */
    public static VariationalAutoencoder build(ExperimentSpec spec, long[] dataShape, String source) {
        DataType type = DataType.FLOAT;
        int latent = spec.model().latentDim();
        boolean variational = spec.objective().variational();
        List<SpecProblem> problems = new ArrayList<>();
        try (SeededRandom random = new SeededRandom(Seeds.derive(spec.seed(), INIT, 0))) {
            ModelContext base = new ModelContext(dataShape, latent, variational ? 2 * latent : latent, null, type, random.get());
            Likelihood likelihood = create(spec.model().likelihood(), Likelihood.class, base, problems);
            Prior prior = create(spec.model().prior(), Prior.class, base, problems);
            if (likelihood == null || prior == null) {
                throw new SpecException(source, problems);
            }
            ModelContext ctx = base.withLikelihoodParameters(likelihood.parametersPerDimension());
            Encoder encoder = create(spec.model().encoder(), Encoder.class, ctx, problems);
            Decoder decoder = create(spec.model().decoder(), Decoder.class, ctx, problems);
            if (encoder != null) {
                expect(spec.model().encoder(), "input", encoder.inputShape(), ctx.dataDimensions(), dataShape,
                        "the data (" + Arrays.toString(dataShape) + ")", problems);
                expect(spec.model().encoder(), "output", encoder.outputShape(), ctx.encoderOutputWidth(), null,
                        variational ? "2 x latentDim = " + ctx.encoderOutputWidth() + " (mean and log-variance)"
                                : "latentDim = " + latent, problems);
            }
            if (decoder != null) {
                expect(spec.model().decoder(), "input", decoder.inputShape(), latent, null, "latentDim = " + latent, problems);
                expect(spec.model().decoder(), "output", decoder.outputShape(), ctx.decoderOutputWidth(), null,
                        ctx.dataDimensions() + " data dimensions x " + likelihood.parametersPerDimension()
                                + " " + spec.model().likelihood().type() + " likelihood parameter(s) = "
                                + ctx.decoderOutputWidth(), problems);
            }
            if (prior.latentDim() != latent) {
                problems.add(new SpecProblem(spec.model().prior().path(), "has " + prior.latentDim()
                        + " dimensions, latentDim is " + latent));
            }
            if (!problems.isEmpty()) {
                throw new SpecException(source, problems);
            }
            return new VariationalAutoencoder(encoder, decoder, prior, likelihood, variational, type);
        }
    }

    /**
     * @param spec   the checked spec
     * @param source the spec file, for messages
     * @return the beta schedule
     */
    public static BetaSchedule betaSchedule(ExperimentSpec spec, String source) {
        List<SpecProblem> problems = new ArrayList<>();
        BuildContext none = new ModelContext(new long[] {1}, spec.model().latentDim(), 1, 1, DataType.FLOAT, null);
        BetaSchedule b = create(spec.objective().beta(), BetaSchedule.class, none, problems);
        if (b == null) {
            throw new SpecException(source, problems);
        }
        return b;
    }

    /**
     * @param o the optimizer settings
     * @return a fresh optimizer
     */
    public static Optimizer optimizer(OptimizerSpec o) {
        return switch (o.type()) {
            case "adam" -> new Adam(o.lr(), o.beta1(), o.beta2(), o.epsilon());
            case "adamax" -> new Adamax(o.lr(), o.beta1(), o.beta2(), o.epsilon());
            case "sgd" -> new Sgd(o.lr(), o.momentum());
            default -> throw new IllegalArgumentException("unknown optimizer " + o.type());
        };
    }

    // a layer accepts either the flat data or the data's own shape as its input
    private static void expect(ComponentSpec c, String side, long[] actual, long width, long[] alt, String what,
                               List<SpecProblem> problems) {
        boolean flat = actual.length == 1 && actual[0] == width;
        boolean shaped = alt != null && Arrays.equals(actual, alt);
        if (!flat && !shaped) {
            problems.add(new SpecProblem(c.path(), "shape mismatch: the " + c.type() + " " + KindName.of(c)
                    + "'s " + side + " is " + Arrays.toString(actual) + " per example, but it must fit " + what));
        }
    }

    private static <T> T create(ComponentSpec c, Class<T> kind, BuildContext ctx, List<SpecProblem> problems) {
        try {
            Object made = c.provider().create(c.config(), ctx);
            if (!kind.isInstance(made)) {
                problems.add(new SpecProblem(c.path(), "provider '" + c.type() + "' returned "
                        + (made == null ? "null" : made.getClass().getName()) + ", not a " + kind.getSimpleName()));
                return null;
            }
            return kind.cast(made);
        } catch (ConfigException e) {
            String at = e.field().isEmpty() ? c.path() : c.path() + (e.field().startsWith("[") ? "" : ".") + e.field();
            problems.add(new SpecProblem(at, e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(new SpecProblem(c.path(), "cannot build " + c.type() + ": " + e.getMessage()));
        }
        return null;
    }

    /** How messages name a component: by the last part of its path. */
    private static final class KindName {
        static String of(ComponentSpec c) {
            return c.path().substring(c.path().lastIndexOf('.') + 1);
        }
    }

}
