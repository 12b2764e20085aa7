package org.vae4j.runner.spec;

import java.util.List;

/**
 * {@code "optimizer"}.
 *
 * @param type     adam, adamax or sgd
 * @param lr       learning rate
 * @param beta1    first-moment decay (adam, adamax)
 * @param beta2    second-moment decay (adam, adamax)
 * @param epsilon  denominator guard (adam, adamax)
 * @param momentum momentum (sgd)
 * @param clipNorm largest gradient L2 norm; 0 for no clipping
 */
public record OptimizerSpec(String type, double lr, double beta1, double beta2, double epsilon, double momentum,
                            double clipNorm) {
    /** Values of {@code type}. */
    public static final List<String> TYPES = List.of("adam", "adamax", "sgd");
}
