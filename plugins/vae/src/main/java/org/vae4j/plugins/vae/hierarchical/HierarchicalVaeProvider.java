package org.vae4j.plugins.vae.hierarchical;

import com.google.auto.service.AutoService;
import java.util.Arrays;
import org.vae4j.api.AutoregressiveDecoder;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Likelihood;
import org.vae4j.api.model.Model;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.api.spi.Provider;
import org.vae4j.api.spi.Slot;
import org.vae4j.plugins.vae.objective.ElboObjective;
import org.vae4j.plugins.vae.objective.VaeObjective;

/**
 * The hierarchical VAE family: {@code "model": {"type": "hierarchical-vae", "latentDims": [L1, L2],
 * "encoder": ..., "upperEncoder": ..., "upperDecoder": ..., "decoder": ..., "likelihood": ...}} with
 * {@code "objective": {"type": "elbo", "beta": ...}} at the spec's root. The encoder maps the data
 * to {@code [2 L1]}, the upper encoder z1 to {@code [2 L2]}, the upper decoder z2 to {@code [2 L1]}
 * (each a mean and a log-variance), the decoder z1 to the likelihood's parameters. The top prior
 * is N(0, I). Only the one-sample ELBO trains it: the IWAE bound, a plain autoencoder and
 * posterior flows are the one-layer VAE's.
 */
@AutoService(Provider.class)
public final class HierarchicalVaeProvider extends AbstractProvider<Model, HierarchicalVaeConfig> {
    /** Registers the {@code hierarchical-vae} family. */
    public HierarchicalVaeProvider() {
        super(Model.class, "hierarchical-vae", HierarchicalVaeConfig.class,
                "VAE with two stochastic layers z1, z2: encoder, upper encoder, upper decoder, decoder, likelihood",
                Slot.required("encoder", Encoder.class),
                Slot.required("upperEncoder", Encoder.class),
                Slot.required("upperDecoder", Decoder.class),
                Slot.required("decoder", Decoder.class),
                Slot.required("likelihood", Likelihood.class),
                Slot.optional("objective", VaeObjective.class, "elbo").atRoot());
    }

    @Override
    public void validate(HierarchicalVaeConfig config) {
        config.validate();
    }

    @Override
    public Model create(HierarchicalVaeConfig config, BuildContext context) {
        config.validate();
        int l1 = config.latentDims[0];
        int l2 = config.latentDims[1];
        long[] shape = context.dataShape();
        long dims = context.dataDimensions();
        String data = "the data (" + Arrays.toString(shape) + ")";
        Likelihood likelihood = context.slot("likelihood").input(data, shape).create(Likelihood.class);
        VaeObjective objective = context.slot("objective").create(VaeObjective.class);
        if (!(objective instanceof ElboObjective)) {
            throw new ConfigException("$.objective", "'" + objective.name() + "' with these settings does not train a "
                    + "hierarchical VAE: it trains with the one-sample ELBO, {\"type\": \"elbo\"} (a beta schedule "
                    + "allowed, samples 1)");
        }
        Encoder encoder = context.slot("encoder").input(data, shape)
                .output("2 x L1 = " + 2 * l1 + " (mean and log-variance of z1)", 2L * l1)
                .latentDim(l1).create(Encoder.class);
        Encoder upperEncoder = context.slot("upperEncoder").input("z1 (L1 = " + l1 + ")", l1)
                .output("2 x L2 = " + 2 * l2 + " (mean and log-variance of z2)", 2L * l2)
                .latentDim(l2).create(Encoder.class);
        Decoder upperDecoder = context.slot("upperDecoder").input("z2 (L2 = " + l2 + ")", l2)
                .output("2 x L1 = " + 2 * l1 + " (mean and log-variance of p(z1|z2))", 2L * l1)
                .latentDim(l2).create(Decoder.class);
        long p = likelihood.parametersPerDimension();
        Decoder decoder = context.slot("decoder").input("z1 (L1 = " + l1 + ")", l1)
                .output(dims + " data dimensions x " + p + " likelihood parameter(s) = " + p * dims, p * dims)
                .latentDim(l1).create(Decoder.class);
        for (String slot : new String[] {"upperDecoder", "decoder"}) {
            if ((slot.equals("decoder") ? decoder : upperDecoder) instanceof AutoregressiveDecoder) {
                throw new ConfigException(slot, "is autoregressive (a PixelCNN), which the hierarchical VAE does "
                        + "not support yet; use it as the decoder of a one-layer VAE (\"type\": \"vae\")");
            }
        }
        return new HierarchicalVae(encoder, upperEncoder, upperDecoder, decoder, likelihood, objective,
                context.data(), l1, l2, context.dataType());
    }
}
