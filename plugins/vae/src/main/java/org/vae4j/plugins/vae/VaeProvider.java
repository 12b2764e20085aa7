package org.vae4j.plugins.vae;

import com.google.auto.service.AutoService;
import java.util.Arrays;
import org.vae4j.api.AutoregressiveDecoder;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Prior;
import org.vae4j.api.model.Model;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;
import org.vae4j.api.spi.Slot;
import org.vae4j.plugins.vae.conditional.ClassConditioned;
import org.vae4j.plugins.vae.objective.VaeObjective;
import org.vae4j.plugins.vae.posterior.PosteriorFlow;
import org.vae4j.plugins.vae.prior.VampPrior;

/**
 * The VAE model family, {@code "model": {"type": "vae", "latentDim": L, "conditional": false, "encoder": ..., "decoder":
 * ..., "prior": ..., "posterior": ..., "likelihood": ...}} with {@code "objective": {"type": "elbo", "beta": ...}} at
 * the spec's root; {@code vae} is the default type of {@code "model"}. It sizes every component:
 * the likelihood first, whose P parameters per data dimension give the decoder's output
 * {@code [P*D]}; the encoder emits {@code [2L]} (means and log-variances) for a variational
 * objective and {@code [L]} for a plain autoencoder.
 */
@AutoService(Provider.class)
public final class VaeProvider extends AbstractProvider<Model, VaeConfig> {
    /** Registers the {@code vae} family. */
    public VaeProvider() {
        super(Model.class, "vae", VaeConfig.class,
                "variational (or plain) autoencoder: encoder, decoder, prior, posterior, likelihood, objective",
                Slot.required("encoder", Encoder.class),
                Slot.required("decoder", Decoder.class),
                Slot.optional("prior", Prior.class, "standard-normal"),
                Slot.optional("posterior", PosteriorFlow.class, "gaussian"),
                Slot.required("likelihood", Likelihood.class),
                Slot.optional("objective", VaeObjective.class, "elbo").atRoot());
    }

    /** @return K, the classes of the data, which a conditional VAE needs two or more of */
    private static int conditionedClasses(BuildContext context) {
        int k = context.data().classNames().size();
        if (k < 2) {
            throw new ConfigException("conditional", "needs data labelled with two or more classes; "
                    + context.data().dataset() + " has " + k + " (NumPy data: give \"labels\")");
        }
        return k;
    }

    @Override
    public void validate(VaeConfig config) {
        config.validate();
    }

    @Override
    public Model create(VaeConfig config, BuildContext context) {
        config.validate();
        int latent = config.latentDim;
        long[] shape = context.dataShape();
        long dims = context.dataDimensions();
        String data = "the data (" + Arrays.toString(shape) + ")";
        Likelihood likelihood = context.slot("likelihood").input(data, shape).create(Likelihood.class);
        VaeObjective objective = context.slot("objective").create(VaeObjective.class);
        int width = objective.variational() ? 2 * latent : latent;
        int classes = config.conditional ? conditionedClasses(context) : 0;
        String encoderInput = classes > 0 ? data + " and a one-hot class of " + classes : data;
        long[] encoderShape = classes > 0 ? new long[] {dims + classes} : shape;
        Encoder encoder = context.slot("encoder").input(encoderInput, encoderShape)
                .output(objective.variational() ? "2 x latentDim = " + width + " (mean and log-variance)"
                        : "latentDim = " + latent, width)
                .latentDim(latent).create(Encoder.class);
        // built after the encoder, which it may share (a VampPrior mixes its posteriors)
        Prior prior = context.slot("prior").output("latentDim = " + latent, latent).latentDim(latent)
                .share(encoder).create(Prior.class);
        if (prior.latentDim() != latent) {
            throw new ConfigException("prior", "has " + prior.latentDim() + " dimensions, latentDim is " + latent);
        }
        if (classes > 0 && prior instanceof VampPrior) {
            throw new ConfigException("prior", "is a VampPrior, whose pseudo-inputs have no class, and this VAE's "
                    + "encoder needs one (\"conditional\": true); use standard-normal or mog");
        }
        PosteriorFlow flow = context.slot("posterior").output("latentDim = " + latent, latent).latentDim(latent)
                .create(PosteriorFlow.class);
        if (flow.steps() > 0 && !objective.variational()) {
            throw new ConfigException("posterior", "is a flow, but the objective '" + objective.name() + "' trains a "
                    + "plain autoencoder, which has no posterior to push through it");
        }
        long p = likelihood.parametersPerDimension();
        String decoderInput = classes > 0 ? "latentDim = " + latent + " and a one-hot class of " + classes
                : "latentDim = " + latent;
        Decoder decoder = context.slot("decoder").input(decoderInput, latent + classes)
                .output(dims + " data dimensions x " + p + " likelihood parameter(s) = " + p * dims, p * dims)
                .latentDim(latent).create(Decoder.class);
        if (classes > 0) {
            if (decoder instanceof AutoregressiveDecoder) {
                throw new ConfigException("decoder", "is autoregressive (a PixelCNN), which a conditional VAE does not "
                        + "support yet; use mlp or cnn, or \"conditional\": false");
            }
            encoder = new ClassConditioned(encoder, dims, classes);
            decoder = new ClassConditioned(decoder, latent, classes);
        }
        return new VaeModel(encoder, decoder, prior, flow, likelihood, objective, context.data(), context.dataType());
    }
}
