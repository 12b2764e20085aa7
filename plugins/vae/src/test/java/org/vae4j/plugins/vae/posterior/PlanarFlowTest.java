package org.vae4j.plugins.vae.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Parameter;
import org.vae4j.engine.gradcheck.GradientCheck;

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

    /** {@code [rows, cols]} uniform in [-half, half] from a seeded stream. */
    private static INDArray uniform(int rows, int cols, double half, long seed) {
        INDArray a = Nd4j.createUninitialized(DataType.DOUBLE, rows, cols);
        Nd4j.getExecutioner().exec(new UniformDistribution(a, -half, half),
                Nd4j.getRandomFactory().getNewRandomInstance(seed));
        return a;
    }

    @Test
    void backwardMatchesFiniteDifferencesForCodesAndParameters() {
        PlanarFlow f = flow(3, 5);
        INDArray z0 = uniform(N, L, 2, 6);
        // a loss that weighs every output and every log-determinant differently
        INDArray gz = uniform(N, L, 0.5, 7);
        INDArray gLogDet = uniform(N, 1, 0.5, 8);
        DoubleSupplier loss = () -> {
            PosteriorFlow.Flowed out = f.forward(z0);
            return out.z().mul(gz).sumNumber().doubleValue() + out.logDet().mul(gLogDet).sumNumber().doubleValue();
        };
        f.parameters().forEach(p -> p.gradient().assign(0));
        INDArray gz0 = f.backward(f.forward(z0), gz, gLogDet);
        StringBuilder failures = new StringBuilder();
        GradientCheck.Result codes = GradientCheck.compare(loss, z0, gz0, 1e-6);
        if (!(codes.relativeError() <= 1e-7)) {
            failures.append("\n  z0: ").append(codes);
        }
        for (Parameter p : f.parameters()) {
            GradientCheck.Result r = GradientCheck.compare(loss, p.value(), p.gradient().dup(), 1e-6);
            if (!(r.relativeError() <= 1e-7)) {
                failures.append("\n  ").append(p.name()).append(": ").append(r);
            }
        }
        assertTrue(failures.length() == 0, "gradient check failed:" + failures);
    }

    @Test
    void logDeterminantIsThatOfTheJacobian() {
        PlanarFlow f = flow(4, 9);
        INDArray z0 = uniform(1, L, 1, 10);
        double h = 1e-6;
        double[][] jacobian = new double[L][L];
        for (int j = 0; j < L; j++) {
            INDArray plus = z0.dup();
            plus.putScalar(0, j, z0.getDouble(0, j) + h);
            INDArray minus = z0.dup();
            minus.putScalar(0, j, z0.getDouble(0, j) - h);
            INDArray diff = f.forward(plus).z().sub(f.forward(minus).z()).divi(2 * h);
            for (int i = 0; i < L; i++) {
                jacobian[i][j] = diff.getDouble(0, i);
            }
        }
        double det = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(jacobian)).getDeterminant();
        assertEquals(Math.log(Math.abs(det)), f.forward(z0).logDet().getDouble(0, 0), 1e-7);
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
        INDArray z = uniform(N, L, 1, 11);
        assertTrue(start.forward(z).z().sub(z).amaxNumber().doubleValue() < 0.5);
    }
}
