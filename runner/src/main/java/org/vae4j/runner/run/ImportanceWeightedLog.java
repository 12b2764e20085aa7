package org.vae4j.runner.run;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vae4j.api.model.ImportanceWeighted;
import org.vae4j.api.model.Model;
import org.vae4j.datasets.ImageBatches;
import org.vae4j.engine.train.Evaluator;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.metrics.MetricsCsv;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecException;
import org.vae4j.runner.spec.SpecProblem;
import org.vae4j.runner.spec.TrainingSpec;

/**
 * {@code training.iwEvery}: the importance-weighted NLL of the first {@code iwExamples} test
 * images with {@code iwSamples} samples each, every {@code iwEvery} epochs, as the column
 * {@link MetricsCsv#TEST_IW_NLL} of metrics.csv. The same estimate as {@code vae4j eval
 * --iw-samples} on those images, so the curve and a final eval agree.
 */
public final class ImportanceWeightedLog {
    private final TrainingSpec spec;
    private final ImportanceWeighted model;
    private final ImageBatches images;
    private final long seed;

    private ImportanceWeightedLog(TrainingSpec spec, ImportanceWeighted model, ImageBatches images, long seed) {
        this.spec = spec;
        this.model = model;
        this.images = images;
        this.seed = seed;
    }

    /**
     * @param spec   the run's spec
     * @param model  its model
     * @param data   its data
     * @param source the spec file, for messages
     * @return the log (doing nothing unless the spec asks for it)
     * @throws SpecException if the spec asks for it of a model without a posterior to sample from
     */
    public static ImportanceWeightedLog of(ExperimentSpec spec, Model model, TrainingData data, String source) {
        TrainingSpec t = spec.training();
        if (t.iwEvery() == 0) {
            return new ImportanceWeightedLog(t, null, null, 0);
        }
        if (!(model instanceof ImportanceWeighted iw)) {
            throw new SpecException(source, List.of(new SpecProblem("$.training.iwEvery", "the model '"
                    + spec.model().type() + "' has no posterior to sample from, so no importance-weighted likelihood")));
        }
        int n = t.iwExamples() == 0 ? data.testSet().size() : Math.min(t.iwExamples(), data.testSet().size());
        return new ImportanceWeightedLog(t, iw, DataAssembler.evaluationBatches(spec, data.testSet().head(n)),
                spec.seed());
    }

    /** @return the columns it adds to metrics.csv */
    List<String> columns() {
        return model == null ? List.of() : List.of(MetricsCsv.TEST_IW_NLL);
    }

    /**
     * @param epochsDone epochs trained so far
     * @return the estimate if this epoch is one to log it after, else nothing
     */
    Map<String, Double> after(int epochsDone) {
        if (model == null || epochsDone % spec.iwEvery() != 0) {
            return Map.of();
        }
        return Map.of(MetricsCsv.TEST_IW_NLL, Evaluator.importanceWeightedNll(model, images, spec.iwSamples(), seed));
    }

    /** @return the epoch line's addition for what {@link #after} gave */
    String describe(Map<String, Double> values) {
        Double v = values.get(MetricsCsv.TEST_IW_NLL);
        return v == null ? "" : String.format(Locale.ROOT, "  test iw_nll %.3f (K = %d, %d images)", v,
                spec.iwSamples(), images.examples());
    }
}
