package org.vae4j.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The exact Gaussian error linear unit x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2)), as PyTorch's
 * default {@code nn.GELU()}. ND4J's own GELU op is the sigmoid approximation, so this one is
 * composed from erf.
 */
public final class GELU extends Activation {
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private final Scratch cdf = new Scratch();
    private final Scratch pdf = new Scratch();

    /** @param shape the per-example shape */
    public GELU(long... shape) {
        super(shape);
    }

    @Override
    protected void apply(INDArray x, INDArray out) {
        INDArray phi = cdf.like(x);
        // Phi(x) = 0.5 (1 + erf(x / sqrt 2)), kept for the backward pass
        Nd4j.exec(new Erf(x.mul(INV_SQRT2), phi));
        phi.addi(1.0).muli(0.5);
        out.assign(x).muli(phi);
    }

    @Override
    protected void derivative(INDArray gradOutput, INDArray gradInput) {
        // d/dx x Phi(x) = Phi(x) + x phi(x), phi the standard normal density
        INDArray density = pdf.like(input);
        Nd4j.exec(new Exp(input.mul(input).muli(-0.5), density));
        density.muli(INV_SQRT_2PI).muli(input).addi(cdf.like(input));
        gradInput.assign(gradOutput).muli(density);
    }
}
