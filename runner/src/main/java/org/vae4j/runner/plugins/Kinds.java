package org.vae4j.runner.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vae4j.api.spi.ComponentKind;

/**
 * How messages and listings name a component kind: its {@link ComponentKind} annotation, or its
 * simple name in lower case. Kinds are open: any interface a provider makes is one, the GAN
 * plugin's discriminator as much as the built-in encoder.
 */
public final class Kinds {
    /** The order listings show the built-in kinds in; other kinds follow by name. */
    private static final List<String> ORDER = List.of("model", "encoder", "decoder", "prior", "likelihood",
            "objective", "beta schedule", "optimizer", "learning-rate schedule", "command");

    private Kinds() {
    }

    /**
     * @param kind a component interface
     * @return its name in messages, e.g. {@code encoder}, {@code beta schedule}
     */
    public static String name(Class<?> kind) {
        ComponentKind k = kind.getAnnotation(ComponentKind.class);
        return k != null ? k.value() : kind.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** @return orders kinds as listings show them: the built-in ones first, then by name */
    public static Comparator<Class<?>> listingOrder() {
        return Comparator.<Class<?>>comparingInt(k -> {
            int i = ORDER.indexOf(name(k));
            return i < 0 ? ORDER.size() : i;
        }).thenComparing(Kinds::name);
    }

    /**
     * @param kinds some kinds
     * @return them in listing order
     */
    public static List<Class<?>> sorted(java.util.Collection<Class<?>> kinds) {
        List<Class<?>> out = new ArrayList<>(kinds);
        out.sort(listingOrder());
        return out;
    }
}
