package org.vae4j.engine.gradcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Parameter;
import org.vae4j.api.Pass;

/**
 * Finite-difference checks of analytic gradients, in double precision.
 *
 * <p>Every primitive layer, likelihood and prior is checked with these in its tests, and a plugin
 * that brings a new primitive layer should check it the same way:
 * {@code GradientCheck.layer(myLayer, input, 42).assertWithin(1e-6)}.
 *
 * <p>The check perturbs each value by {@code +-eps} and compares the central difference
 * {@code (f(x+eps) - f(x-eps)) / 2eps} with the analytic gradient using the relative error
 * {@code |a - n| / max(|a| + |n|, 1e-4)}: the floor makes gradients smaller than 1e-4 compare
 * absolutely, because a central difference in double precision carries about 1e-10 of absolute
 * rounding noise, which would otherwise fail a correct gradient of 1e-7 (seen with GELU stacks).
 * A wrong gradient still fails: half of a 1e-5 gradient missing is a relative error of 0.05.
 */
public final class GradientCheck {
    /** The perturbation used when none is given; right for double precision and smooth maps. */
    public static final double DEFAULT_EPS = 1e-6;
    private static final double FLOOR = 1e-4;

    private GradientCheck() {
    }

    /**
     * Compares an analytic gradient with central differences of a scalar function of {@code x}.
     *
     * @param f        the function, evaluated on the current contents of {@code x}
     * @param x        the array perturbed in place (restored afterwards); must be DOUBLE
     * @param analytic the analytic gradient df/dx, same shape as {@code x}
     * @param eps      the perturbation
     * @return the largest relative error over all elements, and where it occurred
     */
    public static Result compare(DoubleSupplier f, INDArray x, INDArray analytic, double eps) {
        requireDouble(x, "perturbed array");
        if (!java.util.Arrays.equals(x.shape(), analytic.shape())) {
            throw new IllegalArgumentException("gradient shape " + java.util.Arrays.toString(analytic.shape())
                    + " differs from value shape " + java.util.Arrays.toString(x.shape()));
        }
        INDArray flatX = x.reshape(x.length());
        INDArray flatA = analytic.dup().reshape(analytic.length());
        double worst = 0;
        long worstAt = -1;
        double worstA = 0;
        double worstN = 0;
        for (long i = 0; i < flatX.length(); i++) {
            double orig = flatX.getDouble(i);
            flatX.putScalar(i, orig + eps);
            double plus = f.getAsDouble();
            flatX.putScalar(i, orig - eps);
            double minus = f.getAsDouble();
            flatX.putScalar(i, orig);
            double numeric = (plus - minus) / (2 * eps);
            double a = flatA.getDouble(i);
            double rel = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), FLOOR);
            if (rel > worst || worstAt < 0) {
                worst = rel;
                worstAt = i;
                worstA = a;
                worstN = numeric;
            }
        }
        return new Result(worst, worstAt, worstA, worstN);
    }

    /**
     * Checks a layer's backward pass: the loss is {@code sum(forward(x) * r)} for a fixed random
     * {@code r}, so the analytic gradients are what {@code backward(r)} returns and adds to the
     * (zeroed) parameter gradients.
     *
     * @param layer the layer, with DOUBLE parameters
     * @param input a DOUBLE input batch
     * @param seed  seed for {@code r}
     * @return the worst relative error for the input and for each parameter
     */
    public static Report layer(Layer layer, INDArray input, long seed) {
        requireDouble(input, "input");
        List<Parameter> params = allParameters(layer);
        params.forEach(p -> p.gradient().assign(0));
        Pass pass = Pass.training();
        INDArray out = layer.forward(input, pass);
        INDArray r = Nd4j.getRandomFactory().getNewRandomInstance(seed)
                .nextGaussian(out.shape()).castTo(DataType.DOUBLE);
        INDArray gradIn = layer.backward(r.dup(), pass, true).dup();
        Map<String, INDArray> analytic = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            analytic.put(i + ":" + params.get(i).name(), params.get(i).gradient().dup());
        }
        Pass probe = Pass.training();
        DoubleSupplier loss = () -> layer.forward(input, probe).mul(r).sumNumber().doubleValue();
        Map<String, Result> results = new LinkedHashMap<>();
        results.put("input", compare(loss, input, gradIn, DEFAULT_EPS));
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            requireDouble(p.value(), "parameter " + p.name());
            results.put(i + ":" + p.name(), compare(loss, p.value(), analytic.get(i + ":" + p.name()), DEFAULT_EPS));
        }
        return new Report(layer.describe(), results);
    }

    /**
     * Checks that a layer can run twice in one step, as a discriminator does on real and on
     * generated images: two training passes on inputs {@code a} and {@code b}, both forward
     * before either backward, then the backward passes in reverse order. The loss is
     * {@code sum(f(a) * r) + sum(f(b) * s)}; the parameter gradients must be the sum over both
     * runs and each input gradient its own run's.
     *
     * @param layer the layer, with DOUBLE parameters
     * @param a     a DOUBLE input batch
     * @param b     another, of the same shape
     * @param seed  seed for {@code r} and {@code s}
     * @return the worst relative error for both inputs and each parameter
     */
    public static Report twoPasses(Layer layer, INDArray a, INDArray b, long seed) {
        requireDouble(a, "input a");
        requireDouble(b, "input b");
        List<Parameter> params = allParameters(layer);
        params.forEach(p -> p.gradient().assign(0));
        Pass first = Pass.training();
        Pass second = Pass.training();
        INDArray outA = layer.forward(a, first);
        INDArray outB = layer.forward(b, second);
        var random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        INDArray r = random.nextGaussian(outA.shape()).castTo(DataType.DOUBLE);
        INDArray s = random.nextGaussian(outB.shape()).castTo(DataType.DOUBLE);
        INDArray gradB = layer.backward(s.dup(), second, true).dup();
        INDArray gradA = layer.backward(r.dup(), first, true).dup();
        Map<String, INDArray> analytic = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            analytic.put(i + ":" + params.get(i).name(), params.get(i).gradient().dup());
        }
        Pass probeA = Pass.training();
        Pass probeB = Pass.training();
        DoubleSupplier loss = () -> layer.forward(a, probeA).mul(r).sumNumber().doubleValue()
                + layer.forward(b, probeB).mul(s).sumNumber().doubleValue();
        Map<String, Result> results = new LinkedHashMap<>();
        results.put("input a", compare(loss, a, gradA, DEFAULT_EPS));
        results.put("input b", compare(loss, b, gradB, DEFAULT_EPS));
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            results.put(i + ":" + p.name(), compare(loss, p.value(), analytic.get(i + ":" + p.name()), DEFAULT_EPS));
        }
        return new Report(layer.describe() + " run twice", results);
    }

    /**
     * @param layer a layer
     * @return its parameters and those of all its descendants, depth first
     */
    public static List<Parameter> allParameters(Layer layer) {
        List<Parameter> out = new ArrayList<>(layer.parameters());
        for (Layer child : layer.children()) {
            out.addAll(allParameters(child));
        }
        return out;
    }

    private static void requireDouble(INDArray a, String what) {
        if (a.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException(what + " must be DOUBLE for a gradient check, is " + a.dataType());
        }
    }

    /**
     * The worst element of one comparison.
     *
     * @param relativeError the largest relative error
     * @param index         the flat index where it occurred
     * @param analytic      the analytic value there
     * @param numeric       the finite-difference value there
     */
    public record Result(double relativeError, long index, double analytic, double numeric) {
        @Override
        public String toString() {
            return String.format("rel.err %.3g at [%d] (analytic %.9g, numeric %.9g)",
                    relativeError, index, analytic, numeric);
        }
    }

    /**
     * All comparisons of one check.
     *
     * @param subject what was checked
     * @param results one result per array, by name
     */
    public record Report(String subject, Map<String, Result> results) {
        /** @return the largest relative error over all arrays */
        public double worst() {
            return results.values().stream().mapToDouble(Result::relativeError).max().orElse(0);
        }

        /**
         * @param tolerance the largest acceptable relative error
         * @throws AssertionError naming each array over the tolerance
         */
        public void assertWithin(double tolerance) {
            StringBuilder sb = new StringBuilder();
            results.forEach((k, v) -> {
                if (!(v.relativeError() <= tolerance)) {
                    sb.append("\n  ").append(k).append(": ").append(v);
                }
            });
            if (sb.length() > 0) {
                throw new AssertionError("gradient check of " + subject + " failed (tolerance "
                        + tolerance + "):" + sb);
            }
        }

        @Override
        public String toString() {
            return subject + " " + results;
        }
    }
}
