package org.vae4j.runner.spec;

import java.util.List;

/**
 * {@code "objective"}: the ELBO with a beta schedule, or a plain autoencoder's reconstruction loss.
 *
 * @param type elbo or autoencoder
 * @param beta the beta schedule (unused by the autoencoder)
 */
public record ObjectiveSpec(String type, ComponentSpec beta) {
    /** Values of {@code type}. */
    public static final List<String> TYPES = List.of("elbo", "autoencoder");

    /** @return whether the model is a VAE rather than a plain autoencoder */
    public boolean variational() {
        return "elbo".equals(type);
    }
}
