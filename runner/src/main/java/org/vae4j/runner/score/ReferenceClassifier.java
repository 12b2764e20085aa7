package org.vae4j.runner.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Layer;
import org.vae4j.api.Pass;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.ParameterGroup;
import org.vae4j.api.model.StepContext;
import org.vae4j.api.model.TrainingPhase;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.ReLU;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.engine.layers.conv.Conv2d;
import org.vae4j.engine.layers.conv.Flatten;
import org.vae4j.engine.layers.conv.Reshape;

/**
 * The reference classifier of {@code vae4j score}: a small CNN, trained by the engine like any
 * model, whose penultimate layer gives the features the Fréchet distance compares.
 *
 * <p>Architecture ({@link #VERSION} 1): 3x3 convolution with stride 2 to 32 channels, ReLU, 3x3
 * convolution with stride 2 to 64 channels, ReLU, dense to {@value #FEATURES} features, ReLU (the
 * features), dense to the classes. Trained with softmax cross-entropy on pixel intensities in
 * [0, 1]. It is a measuring instrument, not a model family: it is built here, not by a plugin.
 */
final class ReferenceClassifier implements Model {
    /** Changes whenever the architecture or its training changes, so cached classifiers are retrained. */
    static final int VERSION = 1;
    /** The width of the feature layer. */
    static final int FEATURES = 128;
    static final String GROUP = "classifier";
    private final Sequential body;
    private final Dense head;
    private final int classes;
    private final Pass train = Pass.training();
    private final Pass inference = Pass.inference();

    /**
     * @param shape   one image's shape {@code [C, H, W]}
     * @param classes the number of classes
     * @param random  the stream of the initial weights
     */
    ReferenceClassifier(long[] shape, int classes, Random random) {
        Initializer init = Initializer.named("pytorch");
        DataType t = DataType.FLOAT;
        long d = shape[0] * shape[1] * shape[2];
        Conv2d c1 = new Conv2d(shape, 32, 3, 2, 1, init, t, random);
        Conv2d c2 = new Conv2d(c1.outputShape(), 64, 3, 2, 1, init, t, random);
        Flatten flat = new Flatten(c2.outputShape());
        long width = flat.outputShape()[0];
        this.body = new Sequential(List.of(new Reshape(new long[] {d}, shape), c1, new ReLU(c1.outputShape()), c2,
                new ReLU(c2.outputShape()), flat, new Dense(width, FEATURES, init, t, random), new ReLU(FEATURES)));
        this.head = new Dense(FEATURES, classes, init, t, random);
        this.classes = classes;
    }

    int classes() {
        return classes;
    }

    @Override
    public List<ParameterGroup> parameterGroups() {
        Map<String, Layer> networks = new LinkedHashMap<>();
        networks.put("features", body);
        networks.put("head", head);
        return List.of(ParameterGroup.of(GROUP, networks));
    }

    @Override
    public List<TrainingPhase> phases() {
        return List.of(new TrainingPhase() {
            @Override
            public String name() {
                return "cross-entropy";
            }

            @Override
            public String group() {
                return GROUP;
            }

            @Override
            public Metrics step(Batch batch, StepContext context) {
                INDArray logits = head.forward(body.forward(batch.input(), train), train);
                int n = (int) logits.size(0);
                double[][] grad = new double[n][];
                Metrics m = crossEntropy(logits, batch.labels(), grad);
                INDArray g = Nd4j.createFromArray(grad).castTo(logits.dataType()).divi(n);
                body.backward(head.backward(g, train, true), train, false);
                return m;
            }
        });
    }

    @Override
    public Metrics evaluate(Batch batch, Random random) {
        return crossEntropy(logits(features(batch.input())), batch.labels(), null);
    }

    @Override
    public List<MetricInfo> metrics() {
        return List.of(MetricInfo.mean(Metrics.LOSS, "cross-entropy", "nats", "loss"),
                MetricInfo.mean("accuracy", "accuracy", "", "accuracy"));
    }

    @Override
    public String describe() {
        return body.describe() + " -> " + head.describe();
    }

    /**
     * @param intensities {@code [N, D]} images with pixels in [0, 1]
     * @return their features {@code [N, FEATURES]} (a new array)
     */
    INDArray features(INDArray intensities) {
        return body.forward(intensities.castTo(DataType.FLOAT), inference).dup();
    }

    /**
     * @param features {@code [N, FEATURES]}
     * @return the class logits {@code [N, classes]} (a new array)
     */
    INDArray logits(INDArray features) {
        return head.forward(features, inference).dup();
    }

    /**
     * Softmax cross-entropy and accuracy; with {@code grad}, also d(sum of losses)/d(logits) per row.
     */
    private Metrics crossEntropy(INDArray logits, int[] labels, double[][] grad) {
        double[][] z = logits.castTo(DataType.DOUBLE).toDoubleMatrix();
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            int best = 0;
            for (int c = 0; c < z[i].length; c++) {
                if (z[i][c] > max) {
                    max = z[i][c];
                    best = c;
                }
            }
            double sum = 0;
            for (double v : z[i]) {
                sum += Math.exp(v - max);
            }
            double logSum = max + Math.log(sum);
            loss += logSum - z[i][labels[i]];
            correct += best == labels[i] ? 1 : 0;
            if (grad != null) {
                grad[i] = new double[z[i].length];
                for (int c = 0; c < z[i].length; c++) {
                    grad[i][c] = Math.exp(z[i][c] - logSum) - (c == labels[i] ? 1 : 0);
                }
            }
        }
        return new Metrics().sum(Metrics.LOSS, loss, z.length).sum("accuracy", correct, z.length);
    }
}
