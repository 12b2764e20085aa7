package org.vae4j.plugins.vae.hierarchical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Parameter;
import org.vae4j.api.Pass;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.model.DensityModel;
import org.vae4j.api.model.HasNetworks;
import org.vae4j.api.model.ImportanceWeighted;
import org.vae4j.api.model.LatentEncoder;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.ParameterGroup;
import org.vae4j.api.model.Reconstructor;
import org.vae4j.api.model.Sampler;
import org.vae4j.api.model.TrainingPhase;
import org.vae4j.engine.layers.OffHeap;
import org.vae4j.plugins.vae.DiagonalGaussian;
import org.vae4j.plugins.vae.ElboPhase;
import org.vae4j.plugins.vae.ImportanceWeights;
import org.vae4j.plugins.vae.Units;
import org.vae4j.plugins.vae.objective.VaeObjective;
import org.vae4j.plugins.vae.prior.StandardNormalPrior;

/**
 * A VAE with two stochastic layers, Burda et al.'s two-layer model (arXiv 1509.00519, after
 * 1602.02282's notation): the generative path is top-down, p(z2) p(z1|z2) p(x|z1) with
 * p(z2) = N(0, I) and p(z1|z2) a diagonal Gaussian whose mean and log-variance the
 * {@code upperDecoder} computes from z2; the inference path is bottom-up, q(z1|x) q(z2|z1), both
 * diagonal Gaussians (the {@code encoder} from x, the {@code upperEncoder} from z1).
 *
 * <p>The ELBO, with one reparameterized draw of z1 and then of z2, is
 * {@code log p(x|z1) - KL1 - KL2} where {@code KL1 = log q(z1|x) - log p(z1|z2)} (a single-sample
 * estimate: p(z1|z2) depends on the drawn z2) and {@code KL2 = KL(q(z2|z1) || N(0, I))} in
 * closed form given z1. Both KL terms are weighted by the objective's beta, and both are reported
 * apart ({@code kl_z1}, {@code kl_z2}), so a collapsed layer (a KL near 0) shows in the learning
 * curve. Figures are sums over examples in nats, as the one-layer VAE's.
 *
 * <p>As a {@link Sampler} and {@link LatentEncoder} its code is the top layer z2: sampling draws
 * z2 ~ N(0, I) and decodes through the mean of p(z1|z2); {@link #encode} gives the mean of q(z2|z1)
 * at the mean of q(z1|x). {@link #reconstruct} decodes the mean of q(z1|x), the closest
 * reconstruction the model has.
 */
public final class HierarchicalVae implements Model, Sampler, LatentEncoder, Reconstructor, DensityModel,
        HasNetworks, ImportanceWeighted {
    /** The one parameter group. */
    public static final String GROUP = "model";
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Rows decoded at once by {@link #importanceWeightedNll}. */
    static final int IW_ROWS = 4096;
    private final Encoder encoder;
    private final Encoder upperEncoder;
    private final Decoder upperDecoder;
    private final Decoder decoder;
    private final Likelihood likelihood;
    private final VaeObjective objective;
    private final StandardNormalPrior top;
    private final DataInfo data;
    private final int l1;
    private final int l2;
    private final DataType dataType;
    private final Pass trainPass = Pass.training();
    private final Pass evalPass = Pass.inference();

    /**
     * One run of both paths on a batch: each draw's noise and standard deviation, the codes, the
     * networks' outputs.
     */
    private record Run(INDArray h1, INDArray e1, INDArray s1, INDArray z1, INDArray h2, INDArray e2, INDArray s2,
                       INDArray z2, INDArray g, INDArray params) {
        /** Frees the draws; the networks' outputs are their passes' buffers, reused. */
        void free() {
            OffHeap.free(e1, s1, z1, e2, s2, z2);
        }
    }

    /**
     * @param encoder      x to {@code [2 L1]}: the mean and log-variance of q(z1|x)
     * @param upperEncoder z1 to {@code [2 L2]}: the mean and log-variance of q(z2|z1)
     * @param upperDecoder z2 to {@code [2 L1]}: the mean and log-variance of p(z1|z2)
     * @param decoder      z1 to the likelihood's parameters
     * @param likelihood   p(x|z1)
     * @param objective    the ELBO with its beta schedule
     * @param data         the data it is built for
     * @param l1           the size of z1
     * @param l2           the size of z2
     * @param dataType     the floating-point type of the model
     */
    public HierarchicalVae(Encoder encoder, Encoder upperEncoder, Decoder upperDecoder, Decoder decoder,
                           Likelihood likelihood, VaeObjective objective, DataInfo data, int l1, int l2,
                           DataType dataType) {
        this.encoder = encoder;
        this.upperEncoder = upperEncoder;
        this.upperDecoder = upperDecoder;
        this.decoder = decoder;
        this.likelihood = likelihood;
        this.objective = objective;
        this.data = data;
        this.l1 = l1;
        this.l2 = l2;
        this.top = new StandardNormalPrior(l2, dataType);
        this.dataType = dataType;
    }

    /** @return the sizes {@code [L1, L2]} of z1 and z2 */
    public int[] latentDims() {
        return new int[] {l1, l2};
    }

    @Override
    public int latentDim() {
        return l2;
    }

    @Override
    public List<ParameterGroup> parameterGroups() {
        Map<String, List<Parameter>> loose = new LinkedHashMap<>();
        loose.put("likelihood", likelihood.parameters());
        return List.of(new ParameterGroup(GROUP, networks(), loose));
    }

    @Override
    public Map<String, Layer> networks() {
        Map<String, Layer> m = new LinkedHashMap<>();
        m.put("encoder", encoder);
        m.put("upperEncoder", upperEncoder);
        m.put("upperDecoder", upperDecoder);
        m.put("decoder", decoder);
        return m;
    }

    @Override
    public List<TrainingPhase> phases() {
        return List.of(new ElboPhase(objective, GROUP, this::trainStep));
    }

    @Override
    public List<MetricInfo> metrics() {
        long d = data.dimensions();
        return List.of(
                MetricInfo.setting("beta", "beta, the KL weight"),
                MetricInfo.derived("neg_elbo", "negative ELBO (nats per image, beta = 1)", "nats", "neg_elbo",
                        HierarchicalVae::negElbo),
                MetricInfo.mean("reconstruction", "reconstruction, -log p(x|z1)", "nats", ""),
                MetricInfo.mean("kl", "KL of both layers", "nats", ""),
                MetricInfo.mean("kl_z1", "KL of z1, log q(z1|x) - log p(z1|z2)", "nats", "kl"),
                MetricInfo.mean("kl_z2", "KL of z2, KL(q(z2|z1) || p(z2))", "nats", "kl"),
                MetricInfo.derived("bpd", "bits per dimension", "bits/dim", "",
                        m -> Units.bitsPerDimension(negElbo(m), d)),
                MetricInfo.mean(Metrics.LOSS, "loss minimized, reconstruction + beta KL", "nats", "")
                        .ofTrainingOnly());
    }

    private static double negElbo(Metrics m) {
        return (m.sum("reconstruction") + m.sum("kl")) / m.count("reconstruction");
    }

    /** Draws z1, then z2, and runs the four networks with {@code pass}. */
    private Run run(INDArray input, Pass pass, Random random) {
        INDArray h1 = encoder.forward(input, pass);
        INDArray e1 = noise(input.size(0), l1, h1.dataType(), random);
        INDArray s1 = std(h1, l1);
        INDArray z1 = s1.mul(e1).addi(half(h1, l1, 0));
        INDArray h2 = upperEncoder.forward(z1, pass);
        INDArray e2 = noise(input.size(0), l2, h2.dataType(), random);
        INDArray s2 = std(h2, l2);
        INDArray z2 = s2.mul(e2).addi(half(h2, l2, 0));
        INDArray g = upperDecoder.forward(z2, pass);
        INDArray params = decoder.forward(z1, pass);
        return new Run(h1, e1, s1, z1, h2, e2, s2, z2, g, params);
    }

    /**
     * One training step: adds the gradients of the batch-mean loss
     * {@code (reconstruction + beta (KL1 + KL2)) / N} to the parameters (which the caller zeroes).
     *
     * @param batch  the batch
     * @param beta   the weight of both KL terms
     * @param random the stream of the noise (z1's draw, then z2's)
     * @return the batch's sums
     */
    public Metrics trainStep(Batch batch, double beta, Random random) {
        long n = batch.size();
        double w = beta / n;
        Run r = run(batch.input(), trainPass, random);
        INDArray gParams = Nd4j.createUninitialized(r.params().dataType(), r.params().shape());
        double reconstruction = -likelihood.logProbAndGradient(batch.target(), r.params(), -1.0 / n, gParams)
                .sumNumber().doubleValue();
        INDArray gz1 = decoder.backward(gParams, trainPass, true);
        // KL1 = log q(z1|x) - log p(z1|z2); -log p(z1|z2) = sum (z1 - m)^2 / (2 v) + log v / 2 + c
        INDArray mP = half(r.g(), l1, 0);
        INDArray lvP = half(r.g(), l1, 1);
        INDArray dev = r.z1().sub(mP);
        INDArray scaled = overVariance(dev, lvP);
        double kl1 = logQ(r.h1(), l1, r.e1()).subi(logGaussian(dev, scaled, lvP)).sumNumber().doubleValue();
        INDArray gKl1 = scaled.mul(w);
        gz1.addi(gKl1);
        INDArray gG = Nd4j.createUninitialized(r.g().dataType(), r.g().shape());
        half(gG, l1, 0).assign(scaled).muli(-w);
        half(gG, l1, 1).assign(dev.mul(scaled).rsubi(1.0)).muli(0.5 * w);
        INDArray gz2 = upperDecoder.backward(gG, trainPass, true);
        // KL2 in closed form: its gradients overwrite gh2's halves, the draw's are added
        INDArray gh2 = Nd4j.createUninitialized(r.h2().dataType(), r.h2().shape());
        double kl2 = top.klDivergence(half(r.h2(), l2, 0), half(r.h2(), l2, 1), w, half(gh2, l2, 0),
                half(gh2, l2, 1)).sumNumber().doubleValue();
        backwardThroughDraw(gz2, r.e2(), r.s2(), gh2, l2);
        gz1.addi(upperEncoder.backward(gh2, trainPass, true));
        // log q(z1|x) in terms of its noise is -e1^2/2 - logVar/2 - c: -1/2 on the log-variance
        INDArray gh1 = Nd4j.createUninitialized(r.h1().dataType(), r.h1().shape());
        half(gh1, l1, 0).assign(0);
        half(gh1, l1, 1).assign(-0.5 * w);
        backwardThroughDraw(gz1, r.e1(), r.s1(), gh1, l1);
        encoder.backward(gh1, trainPass, false);
        OffHeap.free(gParams, dev, scaled, gKl1, gG, gh2, gh1);
        r.free();
        return figures(reconstruction, kl1, kl2, beta, n);
    }

    /** dz/dmean = 1, dz/dlogVar = s e / 2: adds both to the halves of {@code gh}. */
    private static void backwardThroughDraw(INDArray gz, INDArray e, INDArray s, INDArray gh, int l) {
        half(gh, l, 0).addi(gz);
        INDArray t = gz.mul(e).muli(s).muli(0.5);
        half(gh, l, 1).addi(t);
        OffHeap.free(t);
    }

    private Metrics figures(double reconstruction, double kl1, double kl2, double beta, long n) {
        return new Metrics().sum("reconstruction", reconstruction, n).sum("kl", kl1 + kl2, n)
                .sum("kl_z1", kl1, n).sum("kl_z2", kl2, n)
                .sum(Metrics.LOSS, reconstruction + beta * (kl1 + kl2), n);
    }

    @Override
    public Metrics evaluate(Batch batch, Random random) {
        INDArray[] terms = terms(batch, random);
        double kl1 = terms[1].sumNumber().doubleValue();
        double kl2 = terms[2].sumNumber().doubleValue();
        Metrics m = figures(terms[0].sumNumber().doubleValue(), kl1, kl2, 1.0, batch.size());
        OffHeap.free(terms);
        return m;
    }

    @Override
    public INDArray negativeElbo(Batch batch, Random random) {
        INDArray[] terms = terms(batch, random);
        INDArray sum = terms[0].addi(terms[1]).addi(terms[2]);
        INDArray out = sum.dataType() == DataType.DOUBLE ? sum : sum.castTo(DataType.DOUBLE);
        OffHeap.free(terms[1], terms[2]);
        if (out != sum) {
            OffHeap.free(sum);
        }
        return out;
    }

    /** @return per example: -log p(x|z1), KL1 and KL2 at one draw (new arrays) */
    private INDArray[] terms(Batch batch, Random random) {
        Run r = run(batch.input(), evalPass, random);
        INDArray reconstruction = likelihood.logProb(batch.target(), r.params()).neg();
        INDArray mP = half(r.g(), l1, 0);
        INDArray lvP = half(r.g(), l1, 1);
        INDArray dev = r.z1().sub(mP);
        INDArray scaled = overVariance(dev, lvP);
        INDArray kl1 = logQ(r.h1(), l1, r.e1()).subi(logGaussian(dev, scaled, lvP));
        INDArray kl2 = top.klDivergence(half(r.h2(), l2, 0), half(r.h2(), l2, 1), 1.0, null, null).dup();
        OffHeap.free(dev, scaled);
        r.free();
        return new INDArray[] {reconstruction, kl1, kl2};
    }

    /**
     * {@inheritDoc}
     *
     * <p>The log-weights {@code log p(x|z1) + log p(z1|z2) + log p(z2) - log q(z1|x) - log q(z2|z1)}
     * of K draws of (z1, z2) per example, chunked and combined by a running log-sum-exp in double
     * precision as the one-layer VAE does.
     */
    @Override
    public INDArray importanceWeightedNll(Batch batch, int samples, Random random) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        int n = Math.toIntExact(batch.size());
        INDArray h1 = encoder.forward(batch.input(), evalPass).dup();
        ImportanceWeights weights = new ImportanceWeights(n);
        int chunk = Math.max(1, Math.min(samples, IW_ROWS / Math.max(1, n)));
        for (int done = 0; done < samples; done += chunk) {
            int k = Math.min(chunk, samples - done);
            // rows ordered example-major: row i * k + j is sample j of example i
            INDArray h1Rows = k == 1 ? h1.dup() : h1.repeat(0, k);
            INDArray targetRows = k == 1 ? batch.target().dup() : batch.target().repeat(0, k);
            INDArray e1 = noise((long) n * k, l1, h1.dataType(), random);
            INDArray s1 = std(h1Rows, l1);
            INDArray z1 = s1.mul(e1).addi(half(h1Rows, l1, 0));
            INDArray h2 = upperEncoder.forward(z1, evalPass).dup();
            INDArray e2 = noise((long) n * k, l2, h2.dataType(), random);
            INDArray s2 = std(h2, l2);
            INDArray z2 = s2.mul(e2).addi(half(h2, l2, 0));
            INDArray g = upperDecoder.forward(z2, evalPass);
            INDArray dev = z1.sub(half(g, l1, 0));
            INDArray scaled = overVariance(dev, half(g, l1, 1));
            INDArray logPz1 = logGaussian(dev, scaled, half(g, l1, 1));
            INDArray logPx = likelihood.logProb(targetRows, decoder.forward(z1, evalPass));
            INDArray logW = logPx.add(logPz1).addi(top.logProb(z2)).subi(logQ(h1Rows, l1, e1))
                    .subi(logQ(h2, l2, e2));
            INDArray wide = logW.castTo(DataType.DOUBLE);
            double[] w = wide.toDoubleVector();
            OffHeap.free(h1Rows, targetRows, e1, s1, z1, h2, e2, s2, z2, dev, scaled, logPz1, logW, wide);
            weights.add(w, k);
        }
        OffHeap.free(h1);
        return weights.negativeLogMean(samples);
    }

    @Override
    public INDArray encode(INDArray input) {
        INDArray m1 = half(encoder.forward(input, evalPass), l1, 0).dup();
        INDArray out = half(upperEncoder.forward(m1, evalPass), l2, 0).dup();
        OffHeap.free(m1);
        return out;
    }

    @Override
    public INDArray sampleLatent(long n, Random random) {
        return top.sample(n, random);
    }

    @Override
    public INDArray decode(INDArray codes) {
        INDArray m1 = half(upperDecoder.forward(codes.castTo(dataType), evalPass), l1, 0).dup();
        INDArray out = likelihood.toIntensities(decoder.forward(m1, evalPass)).dup();
        OffHeap.free(m1);
        return out;
    }

    /** Draws z1 ~ p(z1|z2), then x ~ p(x|z1): ancestral sampling down both layers. */
    @Override
    public INDArray draw(INDArray codes, Random random) {
        INDArray g = upperDecoder.forward(codes.castTo(dataType), evalPass);
        INDArray e = noise(codes.size(0), l1, g.dataType(), random);
        INDArray z1 = std(g, l1).muli(e).addi(half(g, l1, 0));
        INDArray x = likelihood.sample(decoder.forward(z1, evalPass), random);
        OffHeap.free(e, z1);
        return data.targetsToIntensities(x);
    }

    @Override
    public INDArray reconstruct(INDArray input) {
        INDArray m1 = half(encoder.forward(input, evalPass), l1, 0).dup();
        INDArray out = likelihood.toIntensities(decoder.forward(m1, evalPass)).dup();
        OffHeap.free(m1);
        return out;
    }

    @Override
    public String describe() {
        return "hierarchical VAE, z1 " + l1 + ", z2 " + l2 + "; encoder: " + encoder.describe() + "; upper encoder: "
                + upperEncoder.describe() + "; upper decoder: " + upperDecoder.describe() + "; decoder: "
                + decoder.describe();
    }

    /** @return {@code [n, l]} standard normal noise */
    private static INDArray noise(long n, int l, DataType type, Random random) {
        INDArray e = Nd4j.createUninitialized(type, n, l);
        Nd4j.getExecutioner().exec(new GaussianDistribution(e, 0.0, 1.0), random);
        return e;
    }

    /** @return the mean (part 0) or log-variance (part 1) half of {@code [N, 2l]}, a view */
    private static INDArray half(INDArray h, int l, int part) {
        return h.get(NDArrayIndex.all(), NDArrayIndex.interval((long) part * l, (long) (part + 1) * l));
    }

    /** @return {@code dev / exp(logVar)}, a new array */
    private static INDArray overVariance(INDArray dev, INDArray logVar) {
        return Transforms.exp(logVar.neg(), false).muli(dev);
    }

    /** @return {@code exp(logVar / 2)}, a new array */
    private static INDArray std(INDArray h, int l) {
        return Transforms.exp(half(h, l, 1).mul(0.5), false);
    }

    /** @return log q(z|.) per row in terms of the draw's noise: {@code sum -e^2/2 - logVar/2 - log(2 pi)/2} */
    private static INDArray logQ(INDArray h, int l, INDArray e) {
        return DiagonalGaussian.logDensityOfDraw(half(h, l, 1), e);
    }

    /**
     * @param dev    {@code z - mean}
     * @param scaled {@code (z - mean) / variance}
     * @param logVar the log-variances
     * @return log N(z; mean, exp(logVar)) per row
     */
    private static INDArray logGaussian(INDArray dev, INDArray scaled, INDArray logVar) {
        INDArray terms = dev.mul(scaled).addi(logVar).addi(2 * HALF_LOG_2PI).muli(-0.5);
        INDArray out = terms.sum(1);
        OffHeap.free(terms);
        return out;
    }
}
