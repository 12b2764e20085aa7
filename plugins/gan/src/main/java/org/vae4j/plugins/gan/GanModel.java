package org.vae4j.plugins.gan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Decoder;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.api.Prior;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.model.HasNetworks;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.ParameterGroup;
import org.vae4j.api.model.Sampler;
import org.vae4j.api.model.StepContext;
import org.vae4j.api.model.TrainingPhase;
import org.vae4j.plugins.gan.loss.GanLoss;

/**
 * A generative adversarial network (Goodfellow et al., 2014): a generator G maps codes z drawn
 * from the prior to data, a discriminator D scores data as real or generated, and the two are
 * trained against each other, each by an optimizer of its own (parameter groups
 * {@value #GENERATOR} and {@value #DISCRIMINATOR}).
 *
 * <p>One training iteration is k discriminator phases, each on a fresh batch of real data and a
 * fresh batch of generated data, then one generator phase that scores the last generated batch
 * again with the updated discriminator and back-propagates through both networks into G. With
 * k = 1 this is torch_gan.py's loop step for step: {@code fake = G(z)}, the discriminator's
 * update on {@code D(x)} and {@code D(fake.detach())}, then the generator's on {@code D(fake)}.
 * Both networks run with training behaviour in every phase (batch statistics in batch
 * normalization), as PyTorch modules in train mode do.
 *
 * <p>Reported figures, means per example: {@code loss_d} and {@code loss_g}, the two players'
 * losses; {@code d_real} and {@code d_fake}, the discriminator's mean belief that real and
 * generated examples are real. Held-out evaluation draws a generated example per real one and
 * reports the same figures with inference behaviour.
 */
public final class GanModel implements Model, Sampler, HasNetworks {
    /** The parameter group of the generator. */
    public static final String GENERATOR = "generator";
    /** The parameter group of the discriminator. */
    public static final String DISCRIMINATOR = "discriminator";

    private final Decoder generator;
    private final Discriminator discriminator;
    private final Prior prior;
    private final GanLoss loss;
    private final int discriminatorSteps;
    private final DataInfo data;
    private final DataType dataType;
    private final Pass generatorPass = Pass.training();
    private final Pass realPass = Pass.training();
    private final Pass fakePass = Pass.training();
    private final Pass adversarialPass = Pass.training();
    private final Pass inferenceReal = Pass.inference();
    private final Pass inferenceFake = Pass.inference();
    /** The generated batch of the last discriminator phase, which the generator phase scores again. */
    private INDArray lastFake;

    /**
     * @param generator          maps {@code [N, L]} codes to {@code [N, D]} data as the model sees it
     * @param discriminator      maps {@code [N, D]} data to {@code [N, 1]} scores
     * @param prior              p(z), which codes are drawn from
     * @param loss               the adversarial loss
     * @param discriminatorSteps k, discriminator phases per generator phase
     * @param data               the data it is built for
     * @param dataType           the floating-point type of the model
     */
    public GanModel(Decoder generator, Discriminator discriminator, Prior prior, GanLoss loss, int discriminatorSteps,
                    DataInfo data, DataType dataType) {
        if (discriminatorSteps < 1) {
            throw new IllegalArgumentException("discriminatorSteps must be >= 1, got " + discriminatorSteps);
        }
        this.generator = generator;
        this.discriminator = discriminator;
        this.prior = prior;
        this.loss = loss;
        this.discriminatorSteps = discriminatorSteps;
        this.data = data;
        this.dataType = dataType;
    }

    /** @return the generator */
    public Decoder generator() {
        return generator;
    }

    /** @return the discriminator */
    public Discriminator discriminator() {
        return discriminator;
    }

    @Override
    public List<ParameterGroup> parameterGroups() {
        Map<String, List<org.vae4j.api.Parameter>> priorParameters = new LinkedHashMap<>();
        priorParameters.put("prior", prior.parameters());
        return List.of(
                new ParameterGroup(DISCRIMINATOR, Map.of(DISCRIMINATOR, discriminator), Map.of()),
                new ParameterGroup(GENERATOR, Map.of(GENERATOR, generator), priorParameters));
    }

    @Override
    public List<TrainingPhase> phases() {
        List<TrainingPhase> phases = new ArrayList<>();
        for (int i = 0; i < discriminatorSteps; i++) {
            phases.add(new DiscriminatorPhase());
        }
        phases.add(new GeneratorPhase());
        return phases;
    }

    /** Updates D on a batch of real data and a batch generated for it. */
    private final class DiscriminatorPhase implements TrainingPhase {
        @Override
        public String name() {
            return DISCRIMINATOR;
        }

        @Override
        public String group() {
            return DISCRIMINATOR;
        }

        @Override
        public Metrics step(Batch batch, StepContext context) {
            int n = Math.toIntExact(batch.size());
            INDArray z = prior.sample(n, context.random()).castTo(dataType);
            lastFake = generator.forward(z, generatorPass);
            double[] real = scores(discriminator.forward(batch.input(), realPass));
            double[] fake = scores(discriminator.forward(lastFake, fakePass));
            double[] gradReal = new double[n];
            double[] gradFake = new double[n];
            double lossD = loss.discriminatorLoss(real, fake, gradReal, gradFake);
            discriminator.backward(column(gradReal), realPass, false);
            discriminator.backward(column(gradFake), fakePass, false);
            return new Metrics().sum("loss_d", lossD * n, n).sum("d_real", realness(real), n)
                    .sum("d_fake", realness(fake), n);
        }
    }

    /** Updates G through the updated D's scores of the last generated batch. */
    private final class GeneratorPhase implements TrainingPhase {
        @Override
        public String name() {
            return GENERATOR;
        }

        @Override
        public String group() {
            return GENERATOR;
        }

        @Override
        public boolean consumesBatch() {
            return false;
        }

        @Override
        public Metrics step(Batch batch, StepContext context) {
            if (lastFake == null) {
                throw new IllegalStateException("the generator phase runs after a discriminator phase");
            }
            int n = Math.toIntExact(lastFake.size(0));
            double[] fake = scores(discriminator.forward(lastFake, adversarialPass));
            double[] gradFake = new double[n];
            double lossG = loss.generatorLoss(fake, gradFake);
            // D's gradients from this pass are discarded: the engine zeroes them before D's next phase
            INDArray gradData = discriminator.backward(column(gradFake), adversarialPass, true);
            generator.backward(gradData, generatorPass, false);
            lastFake = null;
            return new Metrics().sum("loss_g", lossG * n, n);
        }
    }

    @Override
    public Metrics evaluate(Batch batch, Random random) {
        int n = Math.toIntExact(batch.size());
        INDArray fakes = generator.forward(prior.sample(n, random).castTo(dataType), inferenceFake);
        double[] fake = scores(discriminator.forward(fakes, inferenceFake));
        double[] real = scores(discriminator.forward(batch.input(), inferenceReal));
        return new Metrics()
                .sum("loss_d", loss.discriminatorLoss(real, fake, null, null) * n, n)
                .sum("loss_g", loss.generatorLoss(fake, null) * n, n)
                .sum("d_real", realness(real), n)
                .sum("d_fake", realness(fake), n);
    }

    @Override
    public List<MetricInfo> metrics() {
        return List.of(
                MetricInfo.mean("loss_d", "discriminator loss", "", "loss"),
                MetricInfo.mean("loss_g", "generator loss", "", "loss"),
                MetricInfo.mean("d_real", "D(x) on real data", "", "d"),
                MetricInfo.mean("d_fake", "D(G(z)) on generated data", "", "d"));
    }

    private static double[] scores(INDArray out) {
        return out.castTo(DataType.DOUBLE).reshape(out.length()).toDoubleVector();
    }

    private INDArray column(double[] gradient) {
        return Nd4j.createFromArray(gradient).reshape(gradient.length, 1).castTo(dataType);
    }

    private double realness(double[] outputs) {
        double sum = 0;
        for (double o : outputs) {
            sum += loss.realness(o);
        }
        return sum;
    }

    @Override
    public int latentDim() {
        return prior.latentDim();
    }

    @Override
    public INDArray sampleLatent(long n, Random random) {
        return prior.sample(n, random);
    }

    /** Generated examples as pictures: the model's inputs mapped to intensities, clipped to [0, 1]. */
    @Override
    public INDArray decode(INDArray codes) {
        Pass pass = Pass.inference();
        INDArray x = generator.forward(codes.castTo(dataType), pass);
        INDArray pictures = data.inputsToIntensities(x);
        return org.nd4j.linalg.ops.transforms.Transforms.min(
                org.nd4j.linalg.ops.transforms.Transforms.max(pictures, 0.0, false), 1.0, false);
    }

    @Override
    public Map<String, Layer> networks() {
        Map<String, Layer> m = new LinkedHashMap<>();
        m.put(GENERATOR, generator);
        m.put(DISCRIMINATOR, discriminator);
        return m;
    }

    @Override
    public String describe() {
        return "generator: " + generator.describe() + "; discriminator: " + discriminator.describe() + "; loss "
                + loss.name() + (discriminatorSteps > 1 ? ", " + discriminatorSteps + " discriminator steps" : "");
    }
}
