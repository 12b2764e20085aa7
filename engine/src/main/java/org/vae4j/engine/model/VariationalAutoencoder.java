package org.vae4j.engine.model;

import java.util.ArrayList;
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
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Layer;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Parameter;
import org.vae4j.api.Prior;
import org.vae4j.engine.layers.Scratch;
import org.vae4j.engine.params.ParameterStore;

/**
 * A variational autoencoder with an amortized diagonal-Gaussian posterior
 * q(z|x) = N(mean(x), exp(logVar(x))), or, in {@linkplain #isVariational() autoencoder mode}, a
 * plain autoencoder whose encoder emits the code z itself and whose loss is the reconstruction
 * term alone.
 *
 * <p>The loss of a batch of N examples is the negative ELBO averaged over the batch and summed
 * over dimensions, as the seeds define it:
 * {@code 1/N sum_n [ -log p(x_n | z_n) + beta * KL(q(z|x_n) || p(z)) ]} with one reparameterized
 * sample {@code z_n = mean + exp(logVar / 2) * eps}, eps ~ N(0, I). The KL is the prior's closed form
 * when it has one, otherwise the single-sample Monte Carlo estimate {@code log q(z_n) - log p(z_n)}.
 */
public final class VariationalAutoencoder {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private final Encoder encoder;
    private final Decoder decoder;
    private final Prior prior;
    private final Likelihood likelihood;
    private final int latentDim;
    private final boolean variational;
    private final DataType dataType;
    private final Scratch eps = new Scratch();
    private final Scratch std = new Scratch();
    private final Scratch z = new Scratch();
    private final Scratch gradParams = new Scratch();
    private final Scratch gradEncoder = new Scratch();
    private final Scratch tmp = new Scratch();

    /**
     * @param encoder     emits {@code [N, 2L]} (mean | logVar) when variational, {@code [N, L]} otherwise
     * @param decoder     maps {@code [N, L]} to the likelihood's parameters
     * @param prior       p(z); used for sampling in both modes, for the KL only when variational
     * @param likelihood  p(x|z)
     * @param variational false for a plain autoencoder
     * @param dataType    the floating-point type of the model
     */
    public VariationalAutoencoder(Encoder encoder, Decoder decoder, Prior prior, Likelihood likelihood,
                                  boolean variational, DataType dataType) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.prior = prior;
        this.likelihood = likelihood;
        this.variational = variational;
        this.latentDim = prior.latentDim();
        this.dataType = dataType;
    }

    /** @return false in plain-autoencoder mode */
    public boolean isVariational() {
        return variational;
    }

    /** @return L, the size of the latent code */
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

    /** @return the likelihood */
    public Likelihood likelihood() {
        return likelihood;
    }

    /** @return the floating-point type of parameters and activations */
    public DataType dataType() {
        return dataType;
    }

    /**
     * Collects every trainable parameter under a stable name ({@code encoder.0.weight},
     * {@code likelihood.logSigma}, ...) into one flat store.
     *
     * @return the store; the components' parameters become views into it
     */
    public ParameterStore parameters() {
        Map<String, Layer> roots = new LinkedHashMap<>();
        roots.put("encoder", encoder);
        roots.put("decoder", decoder);
        Map<String, List<Parameter>> groups = new LinkedHashMap<>();
        groups.put("prior", prior.parameters());
        groups.put("likelihood", likelihood.parameters());
        return ParameterStore.of(dataType, roots, groups);
    }

    /**
     * One forward and backward pass: sets every parameter's gradient of the batch-mean loss with
     * KL weight {@code beta}.
     *
     * @param input  encoder input {@code [N, D]}
     * @param target what the likelihood scores, {@code [N, D]} (often the same array as input)
     * @param beta   the KL weight
     * @param random the stream for the reparameterization noise
     * @return the batch's sums of reconstruction and KL (the KL unweighted)
     */
    public BatchLoss trainStep(INDArray input, INDArray target, double beta, Random random) {
        return pass(input, target, beta, random, true);
    }

    /**
     * The negative ELBO at beta = 1 without gradients, with one z sample per example.
     *
     * @param input  encoder input {@code [N, D]}
     * @param target what the likelihood scores, {@code [N, D]}
     * @param random the stream for the reparameterization noise
     * @return the batch's sums of reconstruction and KL
     */
    public BatchLoss evaluate(INDArray input, INDArray target, Random random) {
        return pass(input, target, 1.0, random, false);
    }

    /**
     * Per-example negative ELBO at beta = 1, for per-datapoint plots.
     *
     * @param input  encoder input {@code [N, D]}
     * @param target what the likelihood scores
     * @param random the stream for the reparameterization noise
     * @return {@code [N]} negative ELBO of each example, a new array
     */
    public INDArray negativeElboPerExample(INDArray input, INDArray target, Random random) {
        INDArray h = encoder.forward(input, false);
        INDArray code = sampleCode(h, random);
        INDArray params = decoder.forward(code, false);
        INDArray out = likelihood.logProb(target, params).neg();
        if (variational) {
            out.addi(klPerExample(h, code));
        }
        return out;
    }

    private BatchLoss pass(INDArray input, INDArray target, double beta, Random random, boolean training) {
        long n = input.size(0);
        INDArray h = encoder.forward(input, training);
        INDArray code = sampleCode(h, random);
        INDArray params = decoder.forward(code, training);
        INDArray gParams = gradParams.like(params);
        // loss = -1/N sum log p, so the likelihood's gradient is scaled by -1/N
        INDArray logp = training
                ? likelihood.logProbAndGradient(target, params, -1.0 / n, gParams)
                : likelihood.logProb(target, params);
        double reconstruction = -logp.sumNumber().doubleValue();
        if (!variational) {
            if (training) {
                INDArray gz = decoder.backward(gParams, true);
                encoder.backward(gz, false);
            }
            return new BatchLoss(reconstruction, 0, n);
        }
        INDArray mean = h.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentDim));
        INDArray logVar = h.get(NDArrayIndex.all(), NDArrayIndex.interval(latentDim, 2L * latentDim));
        if (!training) {
            return new BatchLoss(reconstruction, klPerExample(h, code).sumNumber().doubleValue(), n);
        }
        INDArray gz = decoder.backward(gParams, true);
        INDArray gh = gradEncoder.like(h);
        INDArray gMean = gh.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentDim));
        INDArray gLogVar = gh.get(NDArrayIndex.all(), NDArrayIndex.interval(latentDim, 2L * latentDim));
        double kl;
        double w = beta / n;
        if (prior.hasClosedFormKl()) {
            kl = prior.klDivergence(mean, logVar, w, gMean, gLogVar).sumNumber().doubleValue();
        } else {
            // KL ~ log q(z) - log p(z): log q in terms of eps is -eps^2/2 - logVar/2 - const, so
            // its gradient is -1/2 on logVar; -log p(z) flows into z like the reconstruction
            kl = klMonteCarlo(code, logVar).sumNumber().doubleValue();
            gz.addi(prior.logProbGradient(code).mul(-w));
            gMean.assign(0);
            gLogVar.assign(-0.5 * w);
        }
        // z = mean + std * eps: dz/dmean = 1, dz/dlogVar = std * eps / 2
        gMean.addi(gz);
        INDArray t = tmp.like(gz);
        t.assign(gz).muli(eps.like(gz)).muli(std.like(gz)).muli(0.5);
        gLogVar.addi(t);
        encoder.backward(gh, false);
        return new BatchLoss(reconstruction, kl, n);
    }

    /** Draws z = mean + exp(logVar/2) * eps into a reusable buffer (or returns the AE code). */
    private INDArray sampleCode(INDArray h, Random random) {
        if (!variational) {
            return h;
        }
        long n = h.size(0);
        INDArray mean = h.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentDim));
        INDArray logVar = h.get(NDArrayIndex.all(), NDArrayIndex.interval(latentDim, 2L * latentDim));
        INDArray e = eps.get(h.dataType(), n, latentDim);
        Nd4j.getExecutioner().exec(new GaussianDistribution(e, 0.0, 1.0), random);
        INDArray s = std.get(h.dataType(), n, latentDim);
        s.assign(logVar).muli(0.5);
        Nd4j.exec(new Exp(s, s));
        INDArray out = z.get(h.dataType(), n, latentDim);
        out.assign(s).muli(e).addi(mean);
        return out;
    }

    private INDArray klPerExample(INDArray h, INDArray code) {
        INDArray mean = h.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentDim));
        INDArray logVar = h.get(NDArrayIndex.all(), NDArrayIndex.interval(latentDim, 2L * latentDim));
        if (prior.hasClosedFormKl()) {
            return prior.klDivergence(mean, logVar, 1.0, null, null).dup();
        }
        return klMonteCarlo(code, logVar);
    }

    /** log q(z|x) - log p(z) at the sampled z, per example (uses the eps of the last sample). */
    private INDArray klMonteCarlo(INDArray code, INDArray logVar) {
        INDArray e = eps.like(code);
        INDArray logQ = e.mul(e).addi(logVar).addi(2 * HALF_LOG_2PI).muli(-0.5).sum(1);
        return logQ.subi(prior.logProb(code));
    }

    /**
     * The posterior means (or the autoencoder's codes).
     *
     * @param input encoder input {@code [N, D]}
     * @return {@code [N, L]}, a new array
     */
    public INDArray encodeMean(INDArray input) {
        INDArray h = encoder.forward(input, false);
        return h.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentDim)).dup();
    }

    /**
     * Decodes latent codes to the likelihood's parameters.
     *
     * @param codes {@code [N, L]}
     * @return {@code [N, P*D]}, a new array
     */
    public INDArray decode(INDArray codes) {
        return decoder.forward(codes.castTo(dataType), false).dup();
    }

    /**
     * Draws z from the prior and decodes it to pictures.
     *
     * @param n      how many
     * @param random the random stream
     * @return {@code [n, D]} intensities in [0, 1] (the likelihood's mean, not a sample of it)
     */
    public INDArray sampleIntensities(long n, Random random) {
        INDArray codes = prior.sample(n, random);
        return likelihood.toIntensities(decode(codes)).dup();
    }

    /**
     * Reconstructs inputs through the posterior mean (no sampling).
     *
     * @param input encoder input {@code [N, D]}
     * @return {@code [N, D]} intensities in [0, 1]
     */
    public INDArray reconstructIntensities(INDArray input) {
        return likelihood.toIntensities(decode(encodeMean(input))).dup();
    }

    /** @return a one-line description of the architecture */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("encoder: " + encoder.describe());
        parts.add("decoder: " + decoder.describe());
        return String.join("; ", parts);
    }
}
