package org.vae4j.engine.layers;

import java.util.Iterator;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Which kernels run FLOAT training work: {@code auto} (the default) lets {@link Gemm} and the
 * convolutions use the build's {@link MatrixKernels} and
 * {@link org.vae4j.engine.layers.conv.ConvolutionKernels} (oneDNN primitives in the CPU build) and
 * the likelihoods their newest host kernels; {@code libnd4j} keeps libnd4j's ops throughout, the
 * kernels of vae4j before 2026-11-29, which reproduces figures measured with them to the last digit
 * (docs/BENCHMARKS.md). Chosen once per process by the system property {@value #PROPERTY} or else
 * the environment variable {@value #VARIABLE}.
 */
public final class Kernels {
    /** The system property that chooses. */
    public static final String PROPERTY = "vae4j.kernels";
    /** The environment variable that chooses when the property is not set. */
    public static final String VARIABLE = "VAE4J_KERNELS";

    private static final boolean NEWEST = choose();

    private Kernels() {
    }

    private static boolean choose() {
        return parse(System.getProperty(PROPERTY, System.getenv(VARIABLE)));
    }

    /** @return whether the newest kernels may run, for this setting (null: not set) */
    static boolean parse(String v) {
        if (v == null || v.isBlank()) {
            return true;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return true;
            case "libnd4j":
                return false;
            default:
                System.err.println("vae4j: " + VARIABLE + "=" + v + " is neither auto nor libnd4j; using auto");
                return true;
        }
    }

    /** @return whether the newest kernels may run (not {@code libnd4j}) */
    public static boolean newest() {
        return NEWEST;
    }

    /**
     * The build's implementation of a kernel SPI, if the newest kernels may run and one is on the
     * class path and loads (a module whose natives do not load on this machine is skipped with a
     * line on stderr: libnd4j's ops still work).
     *
     * @param spi      the kernel interface
     * @param fallback what runs instead, for that line
     * @param <T>      the interface
     * @return the first implementation found, or null
     */
    public static <T> T find(Class<T> spi, String fallback) {
        if (!NEWEST) {
            return null;
        }
        try {
            Iterator<T> found = ServiceLoader.load(spi).iterator();
            return found.hasNext() ? found.next() : null;
        } catch (ServiceConfigurationError | LinkageError e) {
            System.err.println("vae4j: " + spi.getSimpleName() + " unavailable (" + e + "); using " + fallback);
            return null;
        }
    }
}
