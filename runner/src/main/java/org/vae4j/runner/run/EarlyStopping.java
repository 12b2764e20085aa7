package org.vae4j.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.model.Model;
import org.vae4j.runner.spec.EarlyStoppingSpec;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecException;
import org.vae4j.runner.spec.SpecProblem;

/**
 * Watches a validation figure from epoch to epoch and says when to stop: after {@code patience}
 * epochs without an improvement. Its state (the best value and epoch, whether it stopped) goes
 * into every checkpoint, so a resumed run continues the count where it was.
 */
public final class EarlyStopping {
    /** The name of the best epoch's checkpoint: {@code checkpoints/best.npz}. */
    public static final String BEST = "best";
    /** The checkpoint metadata field of the state. */
    static final String STATE = "earlyStopping";
    private final EarlyStoppingSpec spec;
    private final MetricInfo metric;
    private double best = Double.NaN;
    private int bestEpoch;
    private int sinceBest;
    private boolean stopped;

    private EarlyStopping(EarlyStoppingSpec spec, MetricInfo metric) {
        this.spec = spec;
        this.metric = metric;
    }

    /**
     * @param spec   the run's spec
     * @param model  its model, whose figures name what can be watched
     * @param source the spec file, for messages
     * @return the watcher (inactive when the spec asks for none)
     * @throws SpecException if the figure is not one the model reports on validation
     */
    public static EarlyStopping of(ExperimentSpec spec, Model model, String source) {
        EarlyStoppingSpec e = spec.training().earlyStopping();
        if (e == null) {
            return new EarlyStopping(null, null);
        }
        List<String> names = new ArrayList<>();
        for (MetricInfo m : model.metrics()) {
            if (m.kind() != MetricInfo.Kind.SETTING && !m.trainingOnly()) {
                names.add(m.name());
                if (m.name().equals(e.metric())) {
                    return new EarlyStopping(e, m);
                }
            }
        }
        throw new SpecException(source, List.of(new SpecProblem("$.training.earlyStopping.metric", "unknown figure '"
                + e.metric() + "'; this model reports on validation: " + String.join(", ", names))));
    }

    /** @return whether the spec asks for early stopping */
    public boolean active() {
        return spec != null;
    }

    /** @return whether training should stop */
    public boolean stopped() {
        return stopped;
    }

    /** @return the epoch (from 1) of the best figure so far, 0 before any */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** @return whether the final figures should be the best epoch's */
    public boolean restoresBest() {
        return active() && spec.restoreBest() && bestEpoch > 0;
    }

    /**
     * @param epoch      the epoch just done, from 1
     * @param validation its validation figures
     * @return whether it is the best so far (its model should be kept)
     */
    public boolean observe(int epoch, Metrics validation) {
        double v = metric.of(validation);
        if (spec.improves(v, best)) {
            best = v;
            bestEpoch = epoch;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        stopped = sinceBest >= spec.patience();
        return false;
    }

    /** @return why training stopped, for the log */
    public String message() {
        return String.format(Locale.ROOT, "early stopping: validation %s has not improved for %d epochs (best %.4f "
                + "after epoch %d)", metric.name(), sinceBest, best, bestEpoch);
    }

    /** @return the state for a checkpoint */
    ObjectNode state() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("metric", metric.name());
        n.put("best", best);
        n.put("bestEpoch", bestEpoch);
        n.put("sinceBest", sinceBest);
        n.put("stopped", stopped);
        return n;
    }

    /** @param checkpointMetadata the metadata of the checkpoint a run resumes from */
    void resume(JsonNode checkpointMetadata) {
        JsonNode n = checkpointMetadata.path(STATE);
        if (!active() || !n.isObject() || !metric.name().equals(n.path("metric").asText())) {
            return;
        }
        best = n.path("best").asDouble(Double.NaN);
        bestEpoch = n.path("bestEpoch").asInt();
        sinceBest = n.path("sinceBest").asInt();
        stopped = n.path("stopped").asBoolean();
    }

    /** @param summary summary.json, which gets where the run stopped and which epoch it reports */
    void describe(ObjectNode summary) {
        if (!active()) {
            return;
        }
        summary.put("best_epoch", bestEpoch);
        summary.put("best_validation_" + metric.name(), best);
        summary.put("stopped_early", stopped);
        summary.put("test_figures_of", restoresBest() ? "best" : "last");
    }
}
