package org.vae4j.runner.assemble;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.data.DatasetReader;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;
import org.vae4j.datasets.DataLocator;
import org.vae4j.datasets.DataFormatException;
import org.vae4j.datasets.ImageBatches;
import org.vae4j.datasets.ImageSet;
import org.vae4j.datasets.LocatedDataset;
import org.vae4j.datasets.PixelTransform;
import org.vae4j.datasets.PixelTransforms;
import org.vae4j.datasets.Splits;
import org.vae4j.datasets.TrainValidation;
import org.vae4j.runner.spec.DataSpec;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecException;
import org.vae4j.runner.spec.SpecProblem;

/** Locates, reads, transforms and splits the data a spec names. */
public final class DataAssembler {
    private DataAssembler() {
    }

    /**
     * @param spec    the checked spec
     * @param specDir the folder of the spec file; a relative {@code data.path} is resolved from it
     * @param env     the environment (for {@code VAE4J_DATA})
     * @param source  the spec file, for messages
     * @return the splits
     * @throws SpecException if the validation split would leave no training images
     */
    public static TrainingData load(ExperimentSpec spec, Path specDir, Map<String, String> env, String source) {
        DataSpec d = spec.data();
        LocatedDataset located = locate(d, specDir, env);
        ImageSet train = located.train();
        ImageSet test = located.test();
        if (!java.util.Arrays.equals(train.shape(), test.shape())) {
            throw new DataFormatException(located.testFiles().get(0), -1, "the test images are "
                    + show(test.shape()) + " but the training images " + show(train.shape())
                    + " (" + located.source() + "): a model fits one size; use files of one data set");
        }
        if (d.limit() > 0) {
            train = train.head(Math.min(d.limit(), train.size()));
            test = test.head(Math.min(d.limit(), test.size()));
        }
        ImageSet validation = null;
        if (d.validation() > 0) {
            if (d.validation() >= train.size()) {
                throw new SpecException(source, List.of(new SpecProblem("$.data.validation", "must be smaller than the "
                        + train.size() + " training images" + (d.limit() > 0 ? " (after $.data.limit)" : "")
                        + " of " + located.source() + ", got " + d.validation())));
            }
            TrainValidation tv = "random".equals(d.validationSplit())
                    ? Splits.random(train, d.validation(), d.splitSeed())
                    : Splits.lastAsValidation(train, d.validation());
            train = tv.train();
            validation = tv.validation();
        }
        PixelTransform target = target(d);
        PixelTransform input = input(d, target);
        long shuffleSeed = Seeds.derive(spec.seed(), Streams.SHUFFLE, 0);
        ImageBatches trainBatches = new ImageBatches(train, target, input, d.batchSize(), true, shuffleSeed);
        ImageBatches valBatches = validation == null ? null : evaluationBatches(spec, validation);
        ImageBatches testBatches = evaluationBatches(spec, test);
        return new TrainingData(train, validation, test, trainBatches, valBatches, testBatches,
                ModelAssembler.dataInfo(d, train.shape(), located.classNames()), located.sha256(), located.source());
    }

    /**
     * @param spec the run's spec: its transforms and evaluation batch size
     * @param set  images to evaluate (a split, or images a user gives)
     * @return the images in order, in batches of {@code data.evalBatchSize}, as the model sees them
     */
    public static ImageBatches evaluationBatches(ExperimentSpec spec, ImageSet set) {
        PixelTransform target = target(spec.data());
        // unshuffled batches never use their seed
        return new ImageBatches(set, target, input(spec.data(), target), spec.data().evalBatchSize(), false, 0);
    }

    /**
     * @param d       the data section
     * @param specDir where a relative path is resolved from
     * @param env     the environment
     * @return the located data set (files not read yet), its test split held out of the training
     *         images if {@code testFraction} says so
     * @throws DataFormatException if {@code testFraction} is set for data with a test split
     */
    public static LocatedDataset locate(DataSpec d, Path specDir, Map<String, String> env) {
        Path explicit = d.path() == null ? null : specDir.resolve(d.path()).normalize();
        LocatedDataset located = d.reader() != null ? LocatedDataset.read(d.dataset(), reader(d), explicit)
                : new DataLocator().locate(d.dataset(), explicit, env, d.download());
        if (d.imageShape() != null) {
            located = located.withImageShape(d.imageShape(), d.resize());
        }
        if (d.testFraction() > 0) {
            if (located.hasTestSplit()) {
                throw new DataFormatException(located.testFiles().get(0), -1, "is the test split of " + located.source()
                        + ", and $.data.testFraction asks for one held out of the training images: remove one of them");
            }
            located = located.withTestFraction(d.testFraction(), d.splitSeed());
        }
        return located;
    }

    /** Builds a plugin's data set reader: a component of no data, which it is to read. */
    private static DatasetReader reader(DataSpec d) {
        DataInfo none = new DataInfo(d.dataset(), new long[] {1}, DataInfo.SCALE, 0, DataInfo.SAME, List.of());
        try (InitialValues init = new InitialValues(0)) {
            return new ComponentContext(d.reader(), none, new long[0], new long[0], 0, DataType.FLOAT, init, Map.of())
                    .build(DatasetReader.class, null, null);
        }
    }

    private static String show(long[] shape) {
        return shape[0] + "x" + shape[1] + "x" + shape[2];
    }

    static PixelTransform target(DataSpec d) {
        return switch (d.transform()) {
            case "scale" -> PixelTransforms.scale();
            case "quantize" -> PixelTransforms.quantize(d.bits());
            case "binarize" -> PixelTransforms.binarize(d.binarizeSeed());
            case "dynamic-binarize" -> PixelTransforms.dynamicBinarize(d.binarizeSeed());
            default -> throw new IllegalArgumentException("unknown transform " + d.transform());
        };
    }

    static PixelTransform input(DataSpec d, PixelTransform target) {
        if ("same".equals(d.input())) {
            return target;
        }
        return "quantize".equals(d.transform()) ? PixelTransforms.quantizedSymmetric(d.bits()) : PixelTransforms.symmetric();
    }
}
