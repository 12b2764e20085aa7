package org.vae4j.plugins.vae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vae4j.api.AutoregressiveDecoder;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Parameter;
import org.vae4j.engine.layers.OffHeap;
import org.vae4j.api.Pass;
import org.vae4j.api.Prior;
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
import org.vae4j.engine.layers.Scratch;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.plugins.vae.conditional.ClassConditioned;
import org.vae4j.plugins.vae.objective.VaeObjective;
import org.vae4j.plugins.vae.posterior.GaussianPosterior;
import org.vae4j.plugins.vae.posterior.PosteriorFlow;

/**
 * A variational autoencoder with an amortized diagonal-Gaussian posterior
 * q(z|x) = N(mean(x), exp(logVar(x))), or, when its {@linkplain VaeObjective objective} is not
 * variational, a plain autoencoder whose encoder emits the code z itself and whose loss is the
 * reconstruction term alone. The objective trains it; this class holds the components and does
 * what every objective shares: the reparameterized draw, the KL, evaluation and pictures.
 *
 * <p>Reported figures are sums over examples, in nats: {@code reconstruction} (-log p(x|z) with
 * one z per example), {@code kl} (KL(q(z|x) || p(z)), closed form when the prior has one, else
 * the single-sample estimate {@code log q(z) - log p(z)}), and from them {@code neg_elbo} and
 * {@code bpd}; training steps add {@code loss}, the objective minimized (with beta), and the
 * setting {@code beta}. Validation and test figures are always at beta = 1 with one posterior
 * sample per example. A plain autoencoder reports its reconstruction loss alone.
 */
public final class VaeModel implements Model, Sampler, LatentEncoder, Reconstructor, DensityModel, HasNetworks,
        ImportanceWeighted {
    /** The one parameter group of a VAE. */
    public static final String GROUP = "model";
    /** The seed of the stream from which {@link #decode} draws with an autoregressive decoder. */
    static final long AUTOREGRESSIVE_DECODE_SEED = 0x5eed;
    /** Rows decoded at once by {@link #importanceWeightedNll}. */
    static final int IW_ROWS = 4096;
    /**
     * Rows decoded at once with an autoregressive decoder: a PixelCNN keeps feature maps of the
     * whole image per row (about 0.8 MB for 32 channels at 28 x 28), and 4096 rows of them took the
     * process past the machine's memory.
     */
    static final int IW_ROWS_AUTOREGRESSIVE = 256;
    private final Encoder encoder;
    private final Decoder decoder;
    private final Prior prior;
    private final PosteriorFlow flow;
    private final Likelihood likelihood;
    private final VaeObjective objective;
    private final DataInfo data;
    private final int latentDim;
    private final DataType dataType;
    private final Pass trainPass = Pass.training();
    private final Pass evalPass = Pass.inference();
    private final Scratch eps = new Scratch();
    private final Scratch std = new Scratch();
    private final Scratch z = new Scratch();
    private final Scratch drawGradient = new Scratch();

    /**
     * A reparameterized draw z = mean + std * eps, with what its backward pass needs.
     *
     * @param z    the codes {@code [N, L]} (for an autoencoder the encoder's output itself; with a
     *             flow, the pushed codes z_K)
     * @param eps  the standard normal noise; null for an autoencoder
     * @param std  {@code exp(logVar / 2)}; null for an autoencoder
     * @param flow the flow's forward pass from z_0 = mean + std * eps; null without a flow
     */
    public record Draw(INDArray z, INDArray eps, INDArray std, PosteriorFlow.Flowed flow) {
    }

    /**
     * @param encoder    emits {@code [N, 2L]} (mean | logVar) when the objective is variational,
     *                   {@code [N, L]} otherwise
     * @param decoder    maps {@code [N, L]} to the likelihood's parameters
     * @param prior      p(z); used for sampling always, for the KL only when variational
     * @param likelihood p(x|z)
     * @param objective  what training minimizes, with its KL weight schedule
     * @param data       the data it is built for
     * @param dataType   the floating-point type of the model
     */
    public VaeModel(Encoder encoder, Decoder decoder, Prior prior, Likelihood likelihood, VaeObjective objective,
                    DataInfo data, DataType dataType) {
        this(encoder, decoder, prior, new GaussianPosterior(), likelihood, objective, data, dataType);
    }

    /**
     * @param encoder    emits {@code [N, 2L]} (mean | logVar) when the objective is variational,
     *                   {@code [N, L]} otherwise
     * @param decoder    maps {@code [N, L]} to the likelihood's parameters
     * @param prior      p(z)
     * @param flow       what the posterior does to the encoder's diagonal Gaussian (a flow, or
     *                   {@link GaussianPosterior} for nothing)
     * @param likelihood p(x|z)
     * @param objective  what training minimizes
     * @param data       the data it is built for
     * @param dataType   the floating-point type of the model
     */
    public VaeModel(Encoder encoder, Decoder decoder, Prior prior, PosteriorFlow flow, Likelihood likelihood,
                    VaeObjective objective, DataInfo data, DataType dataType) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.prior = prior;
        this.flow = flow;
        this.likelihood = likelihood;
        this.objective = objective;
        this.data = data;
        this.latentDim = prior.latentDim();
        this.dataType = dataType;
        if ((encoder instanceof ClassConditioned) != (decoder instanceof ClassConditioned)) {
            throw new IllegalArgumentException("a conditional VAE conditions both networks on the class, or neither");
        }
    }

    /** @return false in plain-autoencoder mode */
    public boolean isVariational() {
        return objective.variational();
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    /** @return the encoder */
    public Encoder encoder() {
        return encoder;
    }

    /** @return the decoder */
    public Decoder decoder() {
        return decoder;
    }

    /** @return the prior */
    public Prior prior() {
        return prior;
    }

    /** @return the posterior's flow ({@link PosteriorFlow#steps()} 0 for the diagonal Gaussian alone) */
    public PosteriorFlow flow() {
        return flow;
    }

    /** @return whether q(z|x) is the diagonal Gaussian pushed through a flow */
    public boolean hasFlow() {
        return flow.steps() > 0;
    }

    /** @return the likelihood */
    public Likelihood likelihood() {
        return likelihood;
    }

    /** @return the data the model is built for */
    public DataInfo data() {
        return data;
    }

    /** @return the floating-point type of parameters and activations */
    public DataType dataType() {
        return dataType;
    }

    /** @return the pass training steps run the networks with */
    public Pass trainingPass() {
        return trainPass;
    }

    @Override
    public List<ParameterGroup> parameterGroups() {
        Map<String, Layer> networks = new LinkedHashMap<>();
        networks.put("encoder", encoder);
        networks.put("decoder", decoder);
        Map<String, List<Parameter>> loose = new LinkedHashMap<>();
        loose.put("prior", prior.parameters());
        if (hasFlow()) {
            loose.put("posterior", flow.parameters());
        }
        loose.put("likelihood", likelihood.parameters());
        return List.of(new ParameterGroup(GROUP, networks, loose));
    }

    @Override
    public List<TrainingPhase> phases() {
        return List.of(new ElboPhase(objective, GROUP, this::trainStep));
    }

    @Override
    public List<MetricInfo> metrics() {
        if (!isVariational()) {
            return List.of(MetricInfo.mean("reconstruction", "reconstruction loss (-log p(x|z))", "", "reconstruction"));
        }
        long d = data.dimensions();
        return List.of(
                MetricInfo.setting("beta", "beta, the KL weight"),
                MetricInfo.derived("neg_elbo", "negative ELBO (nats per image, beta = 1)", "nats", "neg_elbo",
                        VaeModel::negElbo),
                MetricInfo.mean("reconstruction", "reconstruction, -log p(x|z)", "nats", ""),
                MetricInfo.mean("kl", "KL(q(z|x) || p(z))", "nats", ""),
                MetricInfo.derived("bpd", "bits per dimension", "bits/dim", "",
                        m -> Units.bitsPerDimension(negElbo(m), d)),
                MetricInfo.mean(Metrics.LOSS, "loss minimized, reconstruction + beta KL", "nats", "").ofTrainingOnly());
    }

    // the two sums are added at the end, as the reports have always done it
    private static double negElbo(Metrics m) {
        return m.has("kl") ? (m.sum("reconstruction") + m.sum("kl")) / m.count("reconstruction") : Double.NaN;
    }

    /**
     * One training step of the model's objective with a given beta: adds the gradients of the
     * batch-mean loss to the parameters (which the caller zeroes first).
     *
     * @param batch  the batch
     * @param beta   the KL weight
     * @param random the stream of the noise
     * @return the batch's sums
     */
    public Metrics trainStep(Batch batch, double beta, Random random) {
        condition(batch.labels());
        return objective.trainStep(this, batch, beta, random);
    }

    /** @return K, the classes of a conditional VAE; 0 for an unconditional one */
    @Override
    public int classes() {
        return encoder instanceof ClassConditioned c ? c.classes() : 0;
    }

    /**
     * Sets the class of each example of the next runs of a conditional VAE's networks (nothing for
     * an unconditional one).
     *
     * @param labels one class per example
     */
    public void condition(int[] labels) {
        if (encoder instanceof ClassConditioned e && decoder instanceof ClassConditioned d) {
            e.labels(labels);
            d.labels(labels);
        }
    }

    /**
     * Sets the classes of the decoder's next runs alone (its rows may be several samples per
     * example); nothing for an unconditional VAE.
     *
     * @param labels one class per row the decoder will see
     */
    public void conditionDecoder(int[] labels) {
        if (decoder instanceof ClassConditioned d) {
            d.labels(labels);
        }
    }

    /** @return classes 0, 1, ..., K-1, 0, 1, ... for n codes decoded without classes */
    private int[] cycledClasses(long n) {
        int[] out = new int[Math.toIntExact(n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = i % classes();
        }
        return out;
    }

    /**
     * What a training step reports: the sums of one batch.
     *
     * @param reconstruction sum over examples of -log p(x|z)
     * @param kl             sum over examples of the KL, unweighted (ignored when not variational)
     * @param beta           the KL weight trained with
     * @param n              the examples
     * @return the figures
     */
    public Metrics figures(double reconstruction, double kl, double beta, long n) {
        Metrics m = new Metrics().sum("reconstruction", reconstruction, n);
        if (isVariational()) {
            m.sum("kl", kl, n);
            m.sum(Metrics.LOSS, reconstruction + beta * kl, n);
        } else {
            m.sum(Metrics.LOSS, reconstruction, n);
        }
        return m;
    }

    @Override
    public Metrics evaluate(Batch batch, Random random) {
        long n = batch.size();
        condition(batch.labels());
        INDArray h = encoder.forward(batch.input(), evalPass);
        Draw draw = sampleCode(h, random);
        INDArray params = decoderForward(draw.z(), batch.target(), evalPass);
        double reconstruction = -likelihood.logProb(batch.target(), params).sumNumber().doubleValue();
        Metrics m = new Metrics().sum("reconstruction", reconstruction, n);
        if (isVariational()) {
            m.sum("kl", kl(h, draw).sumNumber().doubleValue(), n);
        }
        return m;
    }

    @Override
    public INDArray negativeElbo(Batch batch, Random random) {
        condition(batch.labels());
        INDArray h = encoder.forward(batch.input(), evalPass);
        Draw draw = sampleCode(h, random);
        INDArray params = decoderForward(draw.z(), batch.target(), evalPass);
        INDArray out = likelihood.logProb(batch.target(), params).neg();
        if (isVariational()) {
            out.addi(kl(h, draw));
        }
        return out;
    }

    /**
     * Draws z = mean + exp(logVar/2) * eps into reusable buffers, overwritten by the next draw (or
     * returns the autoencoder's code).
     *
     * @param h      the encoder's output
     * @param random the stream of the noise
     * @return the draw
     */
    /**
     * {@inheritDoc}
     *
     * <p>The encoder runs once; the K samples of each example are drawn, decoded and scored in
     * chunks of at most {@value #IW_ROWS} rows, and their log-weights
     * {@code log p(x|z) + log p(z) - log q(z|x)} are combined by a running log-sum-exp in double
     * precision, so K = 5000 needs no more memory than K = 50.
     *
     * @throws UnsupportedOperationException for a plain autoencoder, which has no q(z|x)
     */
    @Override
    public INDArray importanceWeightedNll(Batch batch, int samples, Random random) {
        if (!isVariational()) {
            throw new UnsupportedOperationException("a plain autoencoder has no posterior to sample from");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        condition(batch.labels());
        INDArray h = encoder.forward(batch.input(), evalPass).dup();
        return importanceWeightedNll(batch, mean(h).dup(), logVar(h).dup(), samples, random);
    }

    /**
     * The importance-weighted NLL with a given posterior instead of the encoder's (as stochastic
     * variational inference refines it).
     *
     * @param batch   the examples
     * @param mu      the posterior means, {@code [N, L]}
     * @param lv      the posterior log-variances, {@code [N, L]}
     * @param samples K
     * @param random  the stream of the samples
     * @return {@code [N]}: each example's estimate in nats
     */
    public INDArray importanceWeightedNll(Batch batch, INDArray mu, INDArray lv, int samples, Random random) {
        int n = Math.toIntExact(batch.size());
        INDArray sd = Transforms.exp(lv.mul(0.5), false);
        ImportanceWeights weights = new ImportanceWeights(n);
        int rows = isAutoregressive() ? IW_ROWS_AUTOREGRESSIVE : IW_ROWS;
        int chunk = Math.max(1, Math.min(samples, rows / Math.max(1, n)));
        for (int done = 0; done < samples; done += chunk) {
            int k = Math.min(chunk, samples - done);
            conditionDecoder(ClassConditioned.repeat(batch.labels(), k));
            // rows ordered example-major: row i * k + j is sample j of example i
            INDArray e = Nd4j.createUninitialized(mu.dataType(), (long) n * k, latentDim);
            Nd4j.getExecutioner().exec(new GaussianDistribution(e, 0.0, 1.0), random);
            INDArray sdRows = repeatRows(sd, k);
            INDArray muRows = repeatRows(mu, k);
            INDArray z0 = sdRows.muli(e).addi(muRows);
            INDArray z = z0;
            INDArray logDet = null;
            PosteriorFlow.Flowed f = null;
            if (hasFlow()) {
                f = flow.forward(z0);
                z = f.z();
                logDet = f.logDet().reshape(f.logDet().length());
            }
            INDArray targetRows = repeatRows(batch.target(), k);
            INDArray params = decoderForward(z, targetRows, evalPass);
            INDArray lvRows = repeatRows(lv, k);
            INDArray logQ = logPosterior(lvRows, e);
            if (logDet != null) {
                logQ.subi(logDet);
            }
            INDArray logPx = likelihood.logProb(targetRows, params);
            INDArray logPz = prior.logProb(z);
            INDArray logW = logPx.add(logPz).subi(logQ);
            INDArray wide = logW.castTo(DataType.DOUBLE);
            double[] w = wide.toDoubleVector();
            // millions of rows pass here: free each chunk's buffers now, not when the garbage
            // collector gets to them (it did not, and the process grew to 24 GB)
            if (f != null) {
                flow.release(f);
            }
            if (decoder instanceof AutoregressiveDecoder ar) {
                ar.forget();
            }
            // not logPx, logPz: a likelihood or prior may hand out buffers of its own
            OffHeap.free(e, muRows, z0, lvRows, logQ, targetRows, logW, wide);
            weights.add(w, k);
        }
        return weights.negativeLogMean(samples);
    }

    /** @return {@code a} with each row repeated k times in place: rows i*k .. i*k+k-1 are row i */
    private static INDArray repeatRows(INDArray a, int k) {
        return k == 1 ? a.dup() : a.repeat(0, k);
    }

    public Draw sampleCode(INDArray h, Random random) {
        if (!isVariational()) {
            return new Draw(h, null, null, null);
        }
        long n = h.size(0);
        INDArray e = eps.get(h.dataType(), n, latentDim);
        Nd4j.getExecutioner().exec(new GaussianDistribution(e, 0.0, 1.0), random);
        INDArray s = std.get(h.dataType(), n, latentDim);
        s.assign(logVar(h)).muli(0.5);
        Nd4j.exec(new Exp(s, s));
        INDArray out = z.get(h.dataType(), n, latentDim);
        out.assign(s).muli(e).addi(mean(h));
        if (hasFlow()) {
            PosteriorFlow.Flowed f = flow.forward(out);
            return new Draw(f.z(), e, s, f);
        }
        return new Draw(out, e, s, null);
    }

    /**
     * The backward pass of the reparameterized draw z = mean + std * eps for its noise:
     * dz/dmean = 1 and dz/dlogVar = std * eps / 2.
     *
     * @param draw    the draw
     * @param gz      dLoss/dz
     * @param gMean   receives dLoss/dmean added to it
     * @param gLogVar receives dLoss/dlogVar added to it
     */
    public void backwardThroughDraw(Draw draw, INDArray gz, INDArray gMean, INDArray gLogVar) {
        gMean.addi(gz);
        INDArray t = drawGradient.like(gz);
        t.assign(gz).muli(draw.eps()).muli(draw.std()).muli(0.5);
        gLogVar.addi(t);
    }

    /**
     * @param h the encoder's output {@code [N, 2L]}
     * @return the posterior means, a view
     */
    public INDArray mean(INDArray h) {
        return h.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentDim));
    }

    /**
     * @param h the encoder's output {@code [N, 2L]}
     * @return the posterior log-variances, a view
     */
    public INDArray logVar(INDArray h) {
        return h.get(NDArrayIndex.all(), NDArrayIndex.interval(latentDim, 2L * latentDim));
    }

    /**
     * @param h    the encoder's output
     * @param draw the z drawn from it
     * @return KL per example: the prior's closed form, or the single-sample estimate at z,
     *         {@code log q(z|x) - log p(z)} with the flow's log-determinant in log q (a new array)
     */
    public INDArray kl(INDArray h, Draw draw) {
        if (prior.hasClosedFormKl() && !hasFlow()) {
            return prior.klDivergence(mean(h), logVar(h), 1.0, null, null).dup();
        }
        INDArray logQ = logPosterior(logVar(h), draw.eps());
        if (draw.flow() != null) {
            logQ.subi(draw.flow().logDet().reshape(logQ.length()));
        }
        return logQ.subi(prior.logProb(draw.z()));
    }

    /**
     * log q(z|x) per example at a draw, in terms of its noise: {@code sum_j -eps_j^2/2 - logVar_j/2 - log(2 pi)/2}.
     *
     * @param logVar the posterior log-variances
     * @param noise  the eps of the draw
     * @return {@code [N]}, a new array
     */
    public INDArray logPosterior(INDArray logVar, INDArray noise) {
        return DiagonalGaussian.logDensityOfDraw(logVar, noise);
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException for a conditional VAE, whose encoder needs the classes
     */
    @Override
    public INDArray encode(INDArray input) {
        if (classes() > 0) {
            throw new UnsupportedOperationException("a conditional VAE encodes an image with its class; "
                    + "give the classes (encode(input, classes))");
        }
        return encodeConditioned(input);
    }

    @Override
    public INDArray encode(INDArray input, int[] classes) {
        condition(classes);
        return encodeConditioned(input);
    }

    private INDArray encodeConditioned(INDArray input) {
        INDArray h = encoder.forward(input, evalPass);
        if (!isVariational()) {
            return h.dup();
        }
        // with a flow: the Gaussian's mean pushed through it, a code in the prior's space
        return hasFlow() ? flow.forward(mean(h).dup()).z().dup() : mean(h).dup();
    }

    @Override
    public boolean deterministic() {
        return !isVariational();
    }

    /**
     * Decodes latent codes to the likelihood's parameters.
     *
     * @param codes {@code [N, L]}
     * @return {@code [N, P*D]}, a new array
     */
    public INDArray decodeParameters(INDArray codes) {
        if (isAutoregressive()) {
            throw new UnsupportedOperationException("an autoregressive decoder has parameters only for data it is shown");
        }
        return decoder.forward(codes.castTo(dataType), evalPass).dup();
    }

    /** @return whether p(x|z) is autoregressive over the pixels (a PixelCNN decoder) */
    public boolean isAutoregressive() {
        return decoder instanceof AutoregressiveDecoder;
    }

    /**
     * The decoder's run that scores {@code targets}: an autoregressive decoder is shown them first.
     *
     * @param codes   {@code [N, L]}
     * @param targets {@code [N, D]}, the examples the parameters will score
     * @param pass    the pass
     * @return the likelihood's parameters {@code [N, P*D]}
     */
    public INDArray decoderForward(INDArray codes, INDArray targets, Pass pass) {
        if (decoder instanceof AutoregressiveDecoder ar) {
            ar.observe(targets);
        }
        return decoder.forward(codes, pass);
    }

    @Override
    public INDArray sampleLatent(long n, Random random) {
        return prior.sample(n, random);
    }

    /**
     * {@inheritDoc}
     *
     * <p>An autoregressive decoder has no mean image: it draws pixel by pixel, from a stream of a
     * fixed seed, so the same codes decode to the same picture.
     */
    @Override
    public INDArray decode(INDArray codes, int[] classes) {
        conditionDecoder(classes);
        return decodeConditioned(codes);
    }

    @Override
    public INDArray draw(INDArray codes, int[] classes, Random random) {
        conditionDecoder(classes);
        return drawConditioned(codes, random);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A conditional VAE decodes code i for class i mod K, so a grid of samples cycles through
     * the classes.
     */
    @Override
    public INDArray decode(INDArray codes) {
        if (classes() > 0) {
            return decode(codes, cycledClasses(codes.size(0)));
        }
        return decodeConditioned(codes);
    }

    private INDArray decodeConditioned(INDArray codes) {
        if (decoder instanceof AutoregressiveDecoder) {
            try (SeededRandom r = new SeededRandom(AUTOREGRESSIVE_DECODE_SEED)) {
                return drawConditioned(codes, r.get());
            }
        }
        return likelihood.toIntensities(decodeParameters(codes)).dup();
    }

    /** {@inheritDoc} A conditional VAE draws code i for class i mod K. */
    @Override
    public INDArray draw(INDArray codes, Random random) {
        if (classes() > 0) {
            return draw(codes, cycledClasses(codes.size(0)), random);
        }
        return drawConditioned(codes, random);
    }

    private INDArray drawConditioned(INDArray codes, Random random) {
        // a draw is in the data's units (level indices for a categorical); pictures want [0, 1]
        if (decoder instanceof AutoregressiveDecoder ar) {
            return data.targetsToIntensities(ar.sample(codes.castTo(dataType), likelihood, random));
        }
        return data.targetsToIntensities(likelihood.sample(decodeParameters(codes), random));
    }

    @Override
    public INDArray reconstruct(INDArray input) {
        return decode(encode(input));
    }

    @Override
    public INDArray reconstruct(INDArray input, int[] classes) {
        return decode(encode(input, classes), classes);
    }

    @Override
    public Map<String, Layer> networks() {
        Map<String, Layer> m = new LinkedHashMap<>();
        m.put("encoder", encoder);
        m.put("decoder", decoder);
        return m;
    }

    @Override
    public String describe() {
        return "encoder: " + encoder.describe() + (hasFlow() ? "; posterior: " + flow.describe() : "")
                + "; decoder: " + decoder.describe();
    }
}
