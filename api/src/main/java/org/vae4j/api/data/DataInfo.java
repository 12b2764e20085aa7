package org.vae4j.api.data;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a component may know of the data it is built for: the shape of one example and how pixels
 * became numbers. A likelihood checks that it can score the targets (a categorical needs level
 * indices), a GAN maps its generator's outputs back to pictures, pictures label classes.
 *
 * @param dataset    the data set's name, e.g. {@code fashion-mnist}
 * @param shape      one example's shape, e.g. {@code [1, 28, 28]} (channels, height, width)
 * @param transform  what the targets are: {@code scale} (intensities in [0, 1]), {@code quantize}
 *                   (level indices 0..levels-1), {@code binarize} or {@code dynamic-binarize}
 *                   ({0, 1})
 * @param levels     the number of levels of quantized targets; 0 for the other transforms
 * @param input      what a model's first network sees: {@code same} (the targets) or
 *                   {@code symmetric} (the intensities mapped to [-1, 1])
 * @param classNames the class names, index by label; empty when unknown
 */
public record DataInfo(String dataset, long[] shape, String transform, int levels, String input,
                       List<String> classNames) {
    /** Targets are intensities in [0, 1]. */
    public static final String SCALE = "scale";
    /** Targets are level indices. */
    public static final String QUANTIZE = "quantize";
    /** The input is the target. */
    public static final String SAME = "same";
    /** The input is the intensities mapped to [-1, 1]. */
    public static final String SYMMETRIC = "symmetric";

    /**
     * @param dataset the data set's name
     * @param shape   one example's shape
     */
    public DataInfo {
        shape = shape.clone();
        classNames = List.copyOf(classNames);
    }

    /** @return one example's shape (a copy) */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return D, the values per example */
    public long dimensions() {
        long d = 1;
        for (long s : shape) {
            d *= s;
        }
        return d;
    }

    /** @return whether the targets are level indices */
    public boolean quantized() {
        return QUANTIZE.equals(transform);
    }

    /**
     * @param targets targets of this data, {@code [N, D]}
     * @return the same pictures as intensities in [0, 1], for showing (a new array)
     */
    public INDArray targetsToIntensities(INDArray targets) {
        return quantized() ? targets.div(levels - 1) : targets.dup();
    }

    /**
     * @param inputs model inputs of this data, {@code [N, D]}
     * @return the same pictures as intensities in [0, 1] (a new array)
     */
    public INDArray inputsToIntensities(INDArray inputs) {
        if (SYMMETRIC.equals(input)) {
            return inputs.add(1.0).divi(2.0);
        }
        return targetsToIntensities(inputs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataInfo d && dataset.equals(d.dataset) && java.util.Arrays.equals(shape, d.shape)
                && transform.equals(d.transform) && levels == d.levels && input.equals(d.input)
                && classNames.equals(d.classNames);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dataset, java.util.Arrays.hashCode(shape), transform, levels, input, classNames);
    }

    @Override
    public String toString() {
        return dataset + " " + java.util.Arrays.toString(shape) + " " + transform
                + (levels > 0 ? "(" + levels + " levels)" : "") + ", input " + input;
    }
}
