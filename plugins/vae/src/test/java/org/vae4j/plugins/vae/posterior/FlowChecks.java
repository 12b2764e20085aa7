package org.vae4j.plugins.vae.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Parameter;
import org.vae4j.engine.gradcheck.GradientCheck;

/** What every posterior flow must satisfy: a backward pass and a log-determinant that are right. */
final class FlowChecks {
    private FlowChecks() {
    }

    /** {@code [rows, cols]} uniform in [-half, half] from a seeded stream. */
    static INDArray uniform(long rows, long cols, double half, long seed) {
        INDArray a = Nd4j.createUninitialized(DataType.DOUBLE, rows, cols);
        Nd4j.getExecutioner().exec(new UniformDistribution(a, -half, half),
                Nd4j.getRandomFactory().getNewRandomInstance(seed));
        return a;
    }

    /**
     * The backward pass against central finite differences of a loss that weighs every output and
     * every log-determinant differently, for the codes and for every parameter.
     */
    static void assertBackwardMatchesFiniteDifferences(PosteriorFlow f, int n, int l) {
        INDArray z0 = uniform(n, l, 2, 6);
        INDArray gz = uniform(n, l, 0.5, 7);
        INDArray gLogDet = uniform(n, 1, 0.5, 8);
        DoubleSupplier loss = () -> {
            PosteriorFlow.Flowed out = f.forward(z0);
            return out.z().mul(gz).sumNumber().doubleValue() + out.logDet().mul(gLogDet).sumNumber().doubleValue();
        };
        f.parameters().forEach(p -> p.gradient().assign(0));
        INDArray gz0 = f.backward(f.forward(z0), gz, gLogDet);
        StringBuilder failures = new StringBuilder();
        GradientCheck.Result codes = GradientCheck.compare(loss, z0, gz0, 1e-6);
        if (!(codes.relativeError() <= 1e-6)) {
            failures.append("\n  z0: ").append(codes);
        }
        for (Parameter p : f.parameters()) {
            GradientCheck.Result r = GradientCheck.compare(loss, p.value(), p.gradient().dup(), 1e-6);
            if (!(r.relativeError() <= 1e-6)) {
                failures.append("\n  ").append(p.name()).append(": ").append(r);
            }
        }
        assertTrue(failures.length() == 0, "gradient check failed:" + failures);
    }

    /** The log-determinant against that of the Jacobian taken by central differences. */
    static void assertLogDeterminantIsTheJacobians(PosteriorFlow f, int l) {
        INDArray z0 = uniform(1, l, 1, 10);
        double h = 1e-6;
        double[][] jacobian = new double[l][l];
        for (int j = 0; j < l; j++) {
            INDArray plus = z0.dup();
            plus.putScalar(0, j, z0.getDouble(0, j) + h);
            INDArray minus = z0.dup();
            minus.putScalar(0, j, z0.getDouble(0, j) - h);
            INDArray diff = f.forward(plus).z().sub(f.forward(minus).z()).divi(2 * h);
            for (int i = 0; i < l; i++) {
                jacobian[i][j] = diff.getDouble(0, i);
            }
        }
        double det = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(jacobian)).getDeterminant();
        assertEquals(Math.log(Math.abs(det)), f.forward(z0).logDet().getDouble(0, 0), 1e-7);
    }

    /** {@link PosteriorFlow#release} frees the pass's own arrays, not its input, and forward still works. */
    static void assertReleaseFreesThePassNotItsInput(PosteriorFlow f, int n, int l) {
        INDArray z0 = uniform(n, l, 1, 12);
        PosteriorFlow.Flowed pass = f.forward(z0);
        double expected = pass.logDet().sumNumber().doubleValue();
        f.release(pass);
        assertTrue(pass.z().wasClosed() && pass.logDet().wasClosed(), "outputs freed");
        assertTrue(!z0.wasClosed(), "the input is the caller's");
        assertEquals(expected, f.forward(z0).logDet().sumNumber().doubleValue(), 0.0);
    }
}
