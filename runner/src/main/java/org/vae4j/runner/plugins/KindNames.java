package org.vae4j.runner.plugins;

import java.util.List;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.Decoder;
import org.vae4j.api.Encoder;
import org.vae4j.api.Likelihood;
import org.vae4j.api.Prior;

/** The kinds of component a provider can make, by the names messages use for them. */
public final class KindNames {
    /** The component interfaces, in the order listings show them. */
    public static final List<Class<?>> KINDS =
            List.of(Encoder.class, Decoder.class, Prior.class, Likelihood.class, BetaSchedule.class);

    private KindNames() {
    }

    /**
     * @param kind a component interface
     * @return its name in messages: encoder, decoder, prior, likelihood, beta schedule
     */
    public static String of(Class<?> kind) {
        if (kind == BetaSchedule.class) {
            return "beta schedule";
        }
        return kind.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
