package org.vae4j.runner.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vae4j.api.BetaSchedule;
import org.vae4j.engine.checkpoint.Checkpoint;
import org.vae4j.engine.io.AtomicFiles;
import org.vae4j.engine.model.BatchLoss;
import org.vae4j.engine.model.Metrics;
import org.vae4j.engine.model.VariationalAutoencoder;
import org.vae4j.engine.optim.Optimizer;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.engine.train.EpochResult;
import org.vae4j.engine.train.Trainer;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.ModelAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.report.RunFigures;
import org.vae4j.runner.report.RunReport;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;

/** One training run from a checked spec into a run directory, fresh or resumed. */
public final class TrainingRun {
    /** The evaluation stream of the test split: fixed, so {@code vae4j eval} repeats summary.json. */
    public static final long TEST_EVALUATION = 1_000_000;
    private final ExperimentSpec spec;
    private final String source;
    private final Path specDir;
    private final RunDirectory run;
    private final PrintStream out;
    private final boolean progress;
    private DataFingerprint expectedData;

    /**
     * @param spec     the checked spec
     * @param source   the spec file it came from, for messages
     * @param specDir  the folder relative data paths are resolved from
     * @param run      the run directory
     * @param out      where progress and results are printed
     * @param progress whether to print progress during epochs
     */
    public TrainingRun(ExperimentSpec spec, String source, Path specDir, RunDirectory run, PrintStream out,
                       boolean progress) {
        this.spec = spec;
        this.source = source;
        this.specDir = specDir;
        this.run = run;
        this.out = out;
        this.progress = progress;
    }

    /**
     * Makes the run stop before training if the data files differ from a recorded run's.
     *
     * @param fingerprint the data the original run read
     * @return this run
     */
    public TrainingRun expectData(DataFingerprint fingerprint) {
        this.expectedData = fingerprint;
        return this;
    }

    /**
     * Trains to the spec's last epoch, writing metrics, pictures and a checkpoint after every
     * epoch, and summary.json at the end.
     *
     * @param resume      continue from the newest checkpoint rather than start afresh
     * @param commandLine the arguments, for the provenance manifest
     * @return the summary written
     * @throws IOException if the run directory cannot be written
     */
    public ObjectNode train(boolean resume, List<String> commandLine) throws IOException {
        TrainingData data = DataAssembler.load(spec, specDir, System.getenv(), source);
        if (expectedData != null) {
            expectedData.requireSame(data.sha256());
        }
        VariationalAutoencoder model = ModelAssembler.build(spec, data.shape(), source);
        ParameterStore params = model.parameters();
        Optimizer optimizer = ModelAssembler.optimizer(spec.optimizer());
        BetaSchedule beta = ModelAssembler.betaSchedule(spec, source);
        long dims = data.trainSet().dimensions();
        int start = 0;
        if (resume) {
            Optional<Checkpoint.Loaded> last = Checkpoint.latest(run.checkpoints());
            if (last.isPresent()) {
                last.get().restore(params, optimizer);
                start = last.get().epochsDone();
                say("resuming " + run.path() + " after epoch " + start);
            } else {
                say("no checkpoint in " + run.checkpoints() + " yet; starting from epoch 1");
            }
        }
        // the resolved spec is written on resume too: it may extend the epochs
        AtomicFiles.writeString(run.spec(), pretty(spec.resolved()));
        if (start == 0) {
            AtomicFiles.writeString(run.provenance(), pretty(Provenance.of(spec.resolved(), spec.seed(), data.sha256(),
                    data.source(), commandLine)));
        }
        say(String.format(Locale.ROOT, "%s: %s, %d parameters; data %s: train %d, validation %d, test %d",
                spec.name(), model.describe(), params.count(), data.source(), data.trainSet().size(),
                data.validationSet() == null ? 0 : data.validationSet().size(), data.testSet().size()));
        Trainer trainer = new Trainer(model, params, optimizer, beta, spec.optimizer().clipNorm(), spec.seed());
        MetricsCsv csv = new MetricsCsv(run.metrics(), dims, start);
        int epochs = spec.training().epochs();
        ConsoleProgress bar = new ConsoleProgress(out, epochs, progress, data.train().examples());
        RunFigures figures = new RunFigures(spec, model, data, run.path());
        double trainSeconds = 0;
        long trainExamples = 0;
        for (int epoch = start; epoch < epochs; epoch++) {
            EpochResult r = trainer.epoch(epoch, epochs, data.train(), data.validation(), bar);
            BatchLoss test = spec.training().testEachEpoch() ? trainer.evaluate(data.test(), TEST_EVALUATION) : null;
            csv.append(r, test);
            trainSeconds += r.trainSeconds();
            trainExamples += r.train().examples();
            say(epochLine(r, test, dims));
            figures.recordPerExample(epoch + 1);
            figures.writeAll(epoch + 1, epoch + 1 == epochs);
            RunReport.write(run.path(), RunReport.State.TRAINING);
            ObjectNode meta = SpecParser.MAPPER.createObjectNode();
            meta.put("seed", spec.seed());
            meta.set("spec", spec.resolved());
            meta.putPOJO("dataShape", data.shape());
            Checkpoint.save(run.checkpoints(), epoch + 1, params, optimizer, meta, spec.training().keepCheckpoints());
        }
        BatchLoss test = trainer.evaluate(data.test(), TEST_EVALUATION);
        ObjectNode summary = summary(test, dims, params.count(), trainSeconds, trainExamples);
        AtomicFiles.writeString(run.summary(), pretty(summary));
        if (start >= epochs) {
            figures.writeAll(epochs, true);
        }
        RunReport.write(run.path(), RunReport.State.FINISHED);
        say(String.format(Locale.ROOT, "test: neg-ELBO %.3f nats, %.4f bits/dim; run folder %s",
                test.meanNegativeElbo(), Metrics.bitsPerDimension(test.meanNegativeElbo(), dims), run.path()));
        return summary;
    }

    private ObjectNode summary(BatchLoss test, long dims, long paramCount, double seconds, long examples) {
        ObjectNode s = SpecParser.MAPPER.createObjectNode();
        s.put("name", spec.name());
        s.put("epochs", spec.training().epochs());
        s.put("parameters", paramCount);
        s.put("test_examples", test.examples());
        s.put("test_neg_elbo", test.meanNegativeElbo());
        s.put("test_reconstruction", test.meanReconstruction());
        s.put("test_kl", test.meanKl());
        s.put("test_bpd", Metrics.bitsPerDimension(test.meanNegativeElbo(), dims));
        if (examples > 0) {
            s.put("train_seconds_this_session", seconds);
            s.put("train_samples_per_s", examples / seconds);
        }
        s.put("note", "test figures are the negative ELBO at beta = 1 with one posterior sample per image");
        return s;
    }

    private static String epochLine(EpochResult r, BatchLoss test, long dims) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "epoch %d: beta %.3f  train neg-ELBO %.3f (rec %.3f, KL %.3f, %.4f bpd)",
                r.epoch() + 1, r.beta(), r.train().meanNegativeElbo(), r.train().meanReconstruction(),
                r.train().meanKl(), Metrics.bitsPerDimension(r.train().meanNegativeElbo(), dims)));
        if (r.validation() != null) {
            sb.append(String.format(Locale.ROOT, "  validation %.3f (%.4f bpd)", r.validation().meanNegativeElbo(),
                    Metrics.bitsPerDimension(r.validation().meanNegativeElbo(), dims)));
        }
        if (test != null) {
            sb.append(String.format(Locale.ROOT, "  test %.3f", test.meanNegativeElbo()));
        }
        sb.append(String.format(Locale.ROOT, "  %.1f s, %.0f samples/s", r.trainSeconds(), r.samplesPerSecond()));
        return sb.toString();
    }

    private void say(String line) {
        out.println(line);
        run.log(line);
    }

    private static String pretty(Object o) throws IOException {
        return SpecParser.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    }
}
