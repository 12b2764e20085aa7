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
 * The inverse autoregressive flow: the MADE's autoregressive property (output j never depends on
 * inputs j and later), the backward pass against finite differences, the log-determinant against
 * a numerical Jacobian (which the masks make triangular within a step), and a near-identity start.
 */
class IafTest {
    private static final int N = 3;
    private static final int L = 4;

    private static InverseAutoregressiveFlow flow(int steps, int[] hidden, long seed) {
        Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        InverseAutoregressiveFlow f = new InverseAutoregressiveFlow(steps, hidden, L, DataType.DOUBLE, r);
        // away from the near-identity start; masked weights stay masked (the forward pass masks them)
        for (Parameter p : f.parameters()) {
            Nd4j.getExecutioner().exec(new UniformDistribution(p.value(), -1, 1), r);
        }
        return f;
    }

    @Test
    void madeOutputJDependsOnInputsBeforeJOnly() {
        InverseAutoregressiveFlow f = flow(1, new int[] {7, 5}, 3);
        INDArray z = FlowChecks.uniform(1, L, 1, 4);
        INDArray base = f.made(0, z, null);
        for (int i = 0; i < L; i++) {
            INDArray moved = z.dup();
            moved.putScalar(0, i, z.getDouble(0, i) + 0.7);
            INDArray out = f.made(0, moved, null);
            for (int j = 0; j < L; j++) {
                for (int half = 0; half < 2; half++) {
                    double before = base.getDouble(0, half * L + j);
                    double after = out.getDouble(0, half * L + j);
                    if (j <= i) {
                        assertEquals(before, after, 0.0, (half == 0 ? "m" : "s") + "[" + j + "] moved with input " + i);
                    } else if (i == j - 1) {
                        assertTrue(before != after, (half == 0 ? "m" : "s") + "[" + j + "] must see input " + i);
                    }
                }
            }
        }
    }

    @Test
    void backwardMatchesFiniteDifferencesForCodesAndParameters() {
        FlowChecks.assertBackwardMatchesFiniteDifferences(flow(2, new int[] {6, 5}, 5), N, L);
    }

    @Test
    void releaseFreesThePassNotItsInput() {
        FlowChecks.assertReleaseFreesThePassNotItsInput(flow(3, new int[] {6}, 13), N, L);
    }

    @Test
    void logDeterminantIsThatOfTheJacobian() {
        FlowChecks.assertLogDeterminantIsTheJacobians(flow(3, new int[] {8}, 9), L);
    }

    @Test
    void itStartsNearTheIdentity() {
        InverseAutoregressiveFlow f = new InverseAutoregressiveFlow(2, new int[] {16}, L, DataType.DOUBLE,
                Nd4j.getRandomFactory().getNewRandomInstance(1));
        INDArray z = FlowChecks.uniform(N, L, 1, 11);
        PosteriorFlow.Flowed out = f.forward(z);
        // two steps of σ ≈ sigmoid(2) ≈ 0.88 scale the codes by about 0.78, reversed twice
        double ratio = out.z().norm2Number().doubleValue() / z.norm2Number().doubleValue();
        assertTrue(ratio > 0.7 && ratio < 0.85, "norm ratio " + ratio);
        assertEquals(2 * L * Math.log(1 / (1 + Math.exp(-2))), out.logDet().getDouble(0, 0), 0.05);
    }
}
