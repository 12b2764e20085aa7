package org.vae4j.runner.pictures;

import java.util.Iterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.BatchSource;
import org.vae4j.api.model.LatentEncoder;
import org.vae4j.api.model.Reconstructor;
import org.vae4j.api.model.Sampler;

/**
 * What the pictures of a model show, as rows of intensities in [0, 1] ready for
 * {@link org.vae4j.runner.pictures.ImageGrid}: interpolations and manifolds of a {@link Sampler},
 * reconstructions of a {@link Reconstructor}, and the codes of a {@link LatentEncoder} a
 * scatter plot draws.
 */
public final class Pictures {
    /** Seed 003's interpolation weights: z = a z1 + (1 - a) z2 for each a. */
    public static final double[] ALPHAS = {0.0, 0.2, 0.4, 0.6, 0.8, 1.0};

    private Pictures() {
    }

    /**
     * Seed 003's interpolation codes: for each pair (z1 = {@code z1[p]}, z2 = {@code z2[p]}) a row of
     * {@code a z1 + (1 - a) z2}, a in {@code alphas}. With a from 0 to 1 a row runs from z2 to z1.
     *
     * @param z1     {@code [P, L]}
     * @param z2     {@code [P, L]}
     * @param alphas the weights of z1
     * @return {@code [P * alphas.length, L]}, pair after pair
     */
    public static INDArray interpolationCodes(INDArray z1, INDArray z2, double[] alphas) {
        int pairs = (int) z1.size(0);
        int dims = (int) z1.size(1);
        double[][] a = z1.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] b = z2.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] out = new double[pairs * alphas.length][dims];
        for (int p = 0; p < pairs; p++) {
            for (int k = 0; k < alphas.length; k++) {
                for (int j = 0; j < dims; j++) {
                    out[p * alphas.length + k][j] = alphas[k] * a[p][j] + (1 - alphas[k]) * b[p][j];
                }
            }
        }
        return Nd4j.create(out);
    }

    /**
     * Interpolations between pairs of prior draws: z1 are the first {@code pairs} draws, z2 the next.
     *
     * @param model  the model
     * @param pairs  how many rows
     * @param random the stream the prior draws from
     * @return {@code [pairs * 6, D]} pictures; a row of 6 per pair, a = 0 (z2) on the left
     */
    public static INDArray interpolation(Sampler model, int pairs, Random random) {
        INDArray z = model.sampleLatent(2L * pairs, random);
        INDArray z1 = z.get(NDArrayIndex.interval(0, pairs), NDArrayIndex.all());
        INDArray z2 = z.get(NDArrayIndex.interval(pairs, 2L * pairs), NDArrayIndex.all());
        // a conditional model: one class per row, 0, 1, ... from the top
        int[] classes = new int[pairs * ALPHAS.length];
        for (int i = 0; i < classes.length && model.classes() > 0; i++) {
            classes[i] = (i / ALPHAS.length) % model.classes();
        }
        return model.decode(interpolationCodes(z1, z2, ALPHAS), classes);
    }

    /**
     * The codes of a manifold picture: tile (row r, column c) of an {@code n x n} grid holds
     * {@code values[c]} in latent dimension {@code dimX} and {@code values[n - 1 - r]} in
     * {@code dimY}, zero elsewhere; so the picture reads like a plot, z_x growing to the right and
     * z_y growing upwards.
     *
     * @param values    the latent values along each axis, increasing
     * @param latentDim L
     * @param dimX      the dimension along the columns, 0-based
     * @param dimY      the dimension along the rows, 0-based
     * @return {@code [n * n, L]}, row after row from the top
     */
    public static INDArray manifoldCodes(double[] values, int latentDim, int dimX, int dimY) {
        return manifoldCodes(values, new double[latentDim], dimX, dimY);
    }

    /**
     * Like {@link #manifoldCodes(double[], int, int, int)}, with the dimensions other than
     * {@code dimX} and {@code dimY} held at {@code base} rather than 0.
     *
     * @param values the latent values along each axis, increasing
     * @param base   a latent code, L values
     * @param dimX   the dimension along the columns, 0-based
     * @param dimY   the dimension along the rows, 0-based
     * @return {@code [n * n, L]}, row after row from the top
     */
    public static INDArray manifoldCodes(double[] values, double[] base, int dimX, int dimY) {
        int latentDim = base.length;
        if (dimX == dimY || dimX < 0 || dimY < 0 || dimX >= latentDim || dimY >= latentDim) {
            throw new IllegalArgumentException("need two different dimensions out of 0.." + (latentDim - 1)
                    + ", got " + dimX + " and " + dimY);
        }
        int n = values.length;
        double[][] out = new double[n * n][];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double[] code = base.clone();
                code[dimX] = values[c];
                code[dimY] = values[n - 1 - r];
                out[r * n + c] = code;
            }
        }
        return Nd4j.create(out);
    }

    /**
     * @param from the first value
     * @param to   the last value
     * @param n    how many, at least 2
     * @return n evenly spaced values from {@code from} to {@code to}, like numpy's linspace
     */
    public static double[] linspace(double from, double to, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("linspace needs at least 2 values, got " + n);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + (to - from) * i / (n - 1);
        }
        out[n - 1] = to;
        return out;
    }

    /**
     * A manifold picture's tiles.
     *
     * @param model  the model
     * @param values the latent values along each axis
     * @param base   the values of the other latent dimensions, L values
     * @param dimX   the dimension along the columns, 0-based
     * @param dimY   the dimension along the rows, 0-based
     * @return {@code [n * n, D]} pictures, row after row from the top
     */
    public static INDArray manifold(Sampler model, double[] values, double[] base, int dimX, int dimY) {
        // a conditional model: all of class 0 (a map of one class's codes)
        return model.decode(manifoldCodes(values, base, dimX, dimY), new int[values.length * values.length]);
    }

    /**
     * Inputs over their reconstructions.
     *
     * @param model   the model
     * @param batch   the examples (a conditional model sees their classes)
     * @param shown   the same images as intensities in [0, 1], {@code [N, D]}
     * @return {@code [2N, D]}: the N originals, then the N reconstructions
     */
    public static INDArray reconstructions(Reconstructor model, Batch batch, INDArray shown) {
        INDArray r = model.reconstruct(batch.input(), batch.labels());
        return Nd4j.vstack(shown.castTo(r.dataType()), r);
    }

    /**
     * The codes (posterior means) of every example of a split, in split order.
     *
     * @param model  the model
     * @param source the batches (epoch 0's order, which is the split's order when not shuffled)
     * @param limit  stop after this many examples
     * @return {@code [min(limit, N)][L]}
     */
    public static double[][] codes(LatentEncoder model, BatchSource source, int limit) {
        int total = (int) Math.min(limit, source.examples());
        double[][] out = new double[total][];
        int filled = 0;
        Iterator<Batch> it = source.epoch(0);
        while (it.hasNext() && filled < total) {
            Batch b = it.next();
            INDArray means = model.encode(b.input(), b.labels()).castTo(DataType.DOUBLE);
            double[][] rows = means.toDoubleMatrix();
            for (int i = 0; i < rows.length && filled < total; i++) {
                out[filled++] = rows[i];
            }
        }
        return out;
    }

    /**
     * The first {@code n} examples of a split (fewer if it has fewer).
     *
     * @param source the batches (epoch 0's order)
     * @param n      how many
     * @return the input and target rows (copies), labels and indices
     */
    public static Batch firstExamples(BatchSource source, int n) {
        java.util.List<INDArray> inputs = new java.util.ArrayList<>();
        java.util.List<INDArray> targets = new java.util.ArrayList<>();
        java.util.List<Integer> labels = new java.util.ArrayList<>();
        java.util.List<Integer> indices = new java.util.ArrayList<>();
        long have = 0;
        Iterator<Batch> it = source.epoch(0);
        while (it.hasNext() && have < n) {
            Batch b = it.next();
            int m = (int) Math.min(n - have, b.size());
            inputs.add(b.input().get(NDArrayIndex.interval(0, m), NDArrayIndex.all()).dup());
            targets.add(b.target().get(NDArrayIndex.interval(0, m), NDArrayIndex.all()).dup());
            for (int i = 0; i < m; i++) {
                labels.add(b.labels()[i]);
                indices.add(b.indices()[i]);
            }
            have += m;
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("the split has no examples");
        }
        return new Batch(Nd4j.vstack(inputs), Nd4j.vstack(targets),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                indices.stream().mapToInt(Integer::intValue).toArray());
    }
}
