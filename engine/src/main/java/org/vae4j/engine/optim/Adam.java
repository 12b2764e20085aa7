package org.vae4j.engine.optim;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma and Ba, 2015), as one fused native update over the flat parameter vector.
 *
 * <p>With m and v the moving averages of g and g^2 and t the step counted from 1:
 * {@code p -= lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + eps)}. PyTorch adds eps to
 * the bias-corrected {@code sqrt(v / (1 - beta2^t))} instead; the two differ only in how eps is
 * scaled early in training, by a factor {@code sqrt(1 - beta2^t)}.
 */
public final class Adam extends StatefulOptimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * @param lr      the learning rate
     * @param beta1   decay of the first moment (0.9)
     * @param beta2   decay of the second moment (0.999)
     * @param epsilon added to the denominator (1e-8)
     */
    public Adam(double lr, double beta1, double beta2, double epsilon) {
        super(List.of("m", "v"));
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    void update(INDArray values, INDArray gradients, Map<String, INDArray> state, long iteration) {
        // the op turns the gradient into the update in place and advances both moments
        Nd4j.exec(new AdamUpdater(gradients, state.get("v"), state.get("m"), lr, beta1, beta2, epsilon,
                Math.toIntExact(iteration)));
        values.subi(gradients);
    }
}
