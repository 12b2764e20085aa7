package org.vae4j.engine.optim;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdaMaxUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adamax, Adam's infinity-norm variant (seed 004 trains with it), as one fused native update:
 * {@code u = max(beta2 * u, |g|)}, {@code p -= lr / (1 - beta1^t) * m / (u + eps)}.
 */
public final class Adamax extends StatefulOptimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * @param lr      the learning rate (PyTorch's default is 0.002)
     * @param beta1   decay of the first moment (0.9)
     * @param beta2   decay of the infinity norm (0.999)
     * @param epsilon added to the denominator (1e-8)
     */
    public Adamax(double lr, double beta1, double beta2, double epsilon) {
        super(List.of("m", "u"));
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    void update(INDArray values, INDArray gradients, Map<String, INDArray> state, long iteration) {
        Nd4j.exec(new AdaMaxUpdater(gradients, state.get("u"), state.get("m"), lr, beta1, beta2, epsilon,
                Math.toIntExact(iteration)));
        values.subi(gradients);
    }
}
