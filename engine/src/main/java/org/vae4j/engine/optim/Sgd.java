package org.vae4j.engine.optim;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stochastic gradient descent with optional momentum, PyTorch's form:
 * {@code b = mu * b + g; p -= lr * b} (plain SGD when mu = 0).
 */
public final class Sgd extends StatefulOptimizer {
    private final double lr;
    private final double momentum;

    /**
     * @param lr       the learning rate
     * @param momentum the momentum mu in [0, 1)
     */
    public Sgd(double lr, double momentum) {
        super(List.of("momentum"));
        this.lr = lr;
        this.momentum = momentum;
    }

    @Override
    void update(INDArray values, INDArray gradients, Map<String, INDArray> state, long iteration) {
        INDArray buf = state.get("momentum");
        if (momentum == 0) {
            Nd4j.getBlasWrapper().level1().axpy(values.length(), -lr, gradients, values);
            return;
        }
        // PyTorch starts the buffer at the first gradient rather than at zero
        if (iteration == 0) {
            buf.assign(gradients);
        } else {
            buf.muli(momentum).addi(gradients);
        }
        Nd4j.getBlasWrapper().level1().axpy(values.length(), -lr, buf, values);
    }
}
