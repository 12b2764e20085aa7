package org.vae4j.engine;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's two thread pools, set deliberately. On a CPU backend ND4J runs element-wise ops on an
 * OpenMP pool ({@code OMP_NUM_THREADS}, read once at start-up) and matrix products on OpenBLAS's
 * own pool. Measured on the 2-core machine (docs/BENCHMARKS.md): one OpenMP thread and all cores for
 * BLAS train fastest, because the small element-wise ops of a VAE step cost more to fork than to
 * run, while GEMM scales; two busy pools on two cores slow each other down.
 */
public final class Threads {
    /** The environment variable that sets BLAS threads; default: all available processors. */
    public static final String BLAS_THREADS_ENV = "VAE4J_BLAS_THREADS";

    private Threads() {
    }

    /**
     * Sets the BLAS pool from {@value #BLAS_THREADS_ENV}, or to the number of processors.
     *
     * @return the BLAS threads now in use
     * @throws IllegalArgumentException if the variable is not a positive whole number
     */
    public static int configureBlas() {
        String v = System.getenv(BLAS_THREADS_ENV);
        int n = Runtime.getRuntime().availableProcessors();
        if (v != null && !v.isBlank()) {
            try {
                n = Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1) {
                throw new IllegalArgumentException(BLAS_THREADS_ENV + " must be a whole number >= 1, got '" + v + "'");
            }
        }
        Nd4j.factory().blas().setMaxThreads(n);
        return Nd4j.factory().blas().getMaxThreads();
    }
}
