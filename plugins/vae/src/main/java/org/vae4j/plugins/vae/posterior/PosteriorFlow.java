package org.vae4j.plugins.vae.posterior;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.Parameter;
import org.vae4j.api.spi.ComponentKind;

/**
 * What a VAE's posterior does to the diagonal Gaussian its encoder emits, named by
 * {@code "model": {"posterior": {"type": ...}}}: nothing ({@code gaussian}, the default), or an
 * invertible map z_K = f(z_0) whose log-determinant enters the ELBO (a normalizing flow, Rezende &
 * Mohamed 2015): {@code log q(z_K|x) = log N(z_0; mean, var) - log |det df/dz_0|}.
 */
@ComponentKind("posterior")
public interface PosteriorFlow {

    /** @return the number of flow steps; 0 for the diagonal Gaussian alone */
    int steps();

    /** @return the flow's learned parameters (none for the diagonal Gaussian) */
    List<Parameter> parameters();

    /**
     * Pushes codes through the flow.
     *
     * @param z0 {@code [N, L]} draws of the diagonal Gaussian
     * @return the pushed codes, their log-determinants and what {@link #backward} needs
     */
    Flowed forward(INDArray z0);

    /**
     * The backward pass of {@link #forward}: adds the parameters' gradients to them.
     *
     * @param pass    a forward pass of this flow
     * @param gz      dLoss/dz_K, {@code [N, L]}
     * @param gLogDet dLoss/dlogDet per example, {@code [N, 1]}
     * @return dLoss/dz_0, {@code [N, L]}, a new array
     */
    INDArray backward(Flowed pass, INDArray gz, INDArray gLogDet);

    /**
     * Frees the off-heap memory of a forward pass that is no longer needed: its outputs and what it
     * kept for the backward pass, not its input. Loops of many passes (the importance-weighted NLL
     * pushes millions of codes through a flow) allocate faster than the garbage collector, which
     * sees only small Java objects, frees ND4J's buffers; the default frees nothing.
     *
     * @param pass a forward pass of this flow; unusable afterwards
     */
    default void release(Flowed pass) {
    }

    /** @return a short description for run logs, e.g. "planar flow, 8 steps" */
    String describe();

    /**
     * A forward pass.
     *
     * @param z      {@code [N, L]}, the pushed codes
     * @param logDet {@code [N, 1]}, {@code log |det dz/dz_0|} per example
     * @param cache  what the backward pass needs, the flow's own
     */
    record Flowed(INDArray z, INDArray logDet, Object cache) {
    }
}
