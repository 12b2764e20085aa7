package org.vae4j.plugins.vae.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Parameter;

/**
 * The planar flow: its backward pass against finite differences for the codes and every
 * parameter, its log-determinant against the log-determinant of a numerical Jacobian, and the
 * invertibility constraint (ûᵀw >= -1) that keeps 1 + ûᵀψ away from 0.
 */
class PlanarFlowTest {
    private static final int N = 4;
    private static final int L = 3;

    private static PlanarFlow flow(int steps, long seed) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        PlanarFlow f = new PlanarFlow(steps, L, DataType.DOUBLE, r);
        // away from the near-identity start, so every term of the backward pass matters
        for (Parameter p : f.parameters()) {
            Nd4j.getExecutioner().exec(new UniformDistribution(p.value(), -1.5, 1.5), r);
        }
        return f;
    }

    @Test
    void backwardMatchesFiniteDifferencesForCodesAndParameters() {
        FlowChecks.assertBackwardMatchesFiniteDifferences(flow(3, 5), N, L);
    }

    @Test
    void releaseFreesThePassNotItsInput() {
        FlowChecks.assertReleaseFreesThePassNotItsInput(flow(3, 13), N, L);
    }

    @Test
    void logDeterminantIsThatOfTheJacobian() {
        FlowChecks.assertLogDeterminantIsTheJacobians(flow(4, 9), L);
    }

    @Test
    void theConstraintKeepsEveryStepInvertible() {
        PlanarFlow f = flow(1, 3);
        // u pointing against w: unconstrained, 1 + uᵀw tanh'(0) = 1 - 5 < 0, a fold; with û,
        // ûᵀw = m(-5) = -1 + softplus(-5), so d = softplus(-5) > 0 at the steepest point
        f.parameters().get(1).value().assign(Nd4j.createFromArray(new double[][] {{1, 0, 0}}));
        f.parameters().get(0).value().assign(Nd4j.createFromArray(new double[][] {{-5, 0, 0}}));
        f.parameters().get(2).value().assign(0);
        INDArray z0 = Nd4j.zeros(DataType.DOUBLE, 1, L);
        assertEquals(Math.log(Math.log1p(Math.exp(-5))), f.forward(z0).logDet().getDouble(0, 0), 1e-12);
        // and an identity-like start: tiny u, w move codes by little
        PlanarFlow start = new PlanarFlow(2, L, DataType.DOUBLE, Nd4j.getRandomFactory().getNewRandomInstance(1));
        INDArray z = FlowChecks.uniform(N, L, 1, 11);
        assertTrue(start.forward(z).z().sub(z).amaxNumber().doubleValue() < 0.5);
    }
}
