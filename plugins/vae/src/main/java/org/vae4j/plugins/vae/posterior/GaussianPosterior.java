package org.vae4j.plugins.vae.posterior;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Parameter;

/** The diagonal Gaussian alone: the identity map, log-determinant 0. */
public final class GaussianPosterior implements PosteriorFlow {
    @Override
    public int steps() {
        return 0;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Flowed forward(INDArray z0) {
        return new Flowed(z0, z0.ulike().reshape(z0.size(0), 1).assign(0), null);
    }

    @Override
    public INDArray backward(Flowed pass, INDArray gz, INDArray gLogDet) {
        return gz.dup();
    }

    @Override
    public String describe() {
        return "diagonal Gaussian";
    }
}
