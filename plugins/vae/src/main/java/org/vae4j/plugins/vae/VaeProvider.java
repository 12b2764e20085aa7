package org.vae4j.plugins.vae;

import com.google.auto.service.AutoService;
import java.util.Arrays;
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
import org.vae4j.plugins.vae.objective.VaeObjective;
import org.vae4j.plugins.vae.posterior.PosteriorFlow;

/**
 * The VAE model family, {@code "model": {"type": "vae", "latentDim": L, "encoder": ..., "decoder":
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
        Encoder encoder = context.slot("encoder").input(data, shape)
                .output(objective.variational() ? "2 x latentDim = " + width + " (mean and log-variance)"
                        : "latentDim = " + latent, width)
                .latentDim(latent).create(Encoder.class);
        // built after the encoder, which it may share (a VampPrior mixes its posteriors)
        Prior prior = context.slot("prior").output("latentDim = " + latent, latent).latentDim(latent)
                .share(encoder).create(Prior.class);
        if (prior.latentDim() != latent) {
            throw new ConfigException("prior", "has " + prior.latentDim() + " dimensions, latentDim is " + latent);
        }
        PosteriorFlow flow = context.slot("posterior").output("latentDim = " + latent, latent).latentDim(latent)
                .create(PosteriorFlow.class);
        if (flow.steps() > 0 && !objective.variational()) {
            throw new ConfigException("posterior", "is a flow, but the objective '" + objective.name() + "' trains a "
                    + "plain autoencoder, which has no posterior to push through it");
        }
        long p = likelihood.parametersPerDimension();
        Decoder decoder = context.slot("decoder").input("latentDim = " + latent, latent)
                .output(dims + " data dimensions x " + p + " likelihood parameter(s) = " + p * dims, p * dims)
                .latentDim(latent).create(Decoder.class);
        return new VaeModel(encoder, decoder, prior, flow, likelihood, objective, context.data(), context.dataType());
    }
}
