package org.vae4j.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.runner.metrics.MetricsCsv;
import org.vae4j.api.model.Model;
import org.vae4j.api.optim.LearningRateSchedule;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.api.random.Streams;
import org.vae4j.engine.checkpoint.Checkpoint;
import org.vae4j.engine.io.AtomicFiles;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.train.EpochResult;
import org.vae4j.engine.train.Evaluator;
import org.vae4j.engine.train.Trainer;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.ModelAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.pictures.RunFigures;
import org.vae4j.runner.report.RunReport;
import org.vae4j.runner.plugins.ProvidersUsed;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;

/** One training run from a checked spec into a run directory, fresh or resumed; any model family. */
public final class TrainingRun {
    private final ExperimentSpec spec;
    private final String source;
    private final Path specDir;
    private final RunDirectory run;
    private final PrintStream out;
    private final boolean progress;
    private DataFingerprint expectedData;
    private InitialCheckpoint initial;

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
     * Makes a fresh run start from another run's parameters ({@code --init-from}).
     *
     * @param checkpoint the checkpoint, already {@linkplain InitialCheckpoint#check checked} against the spec
     * @return this run
     */
    public TrainingRun initFrom(InitialCheckpoint checkpoint) {
        this.initial = checkpoint;
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
        Model model = ModelAssembler.build(spec, data.info(), source);
        ModelParameters params = ModelParameters.of(model, ModelAssembler.TYPE);
        Map<String, Optimizer> optimizers = ModelAssembler.optimizers(spec, model, source);
        Map<String, LearningRateSchedule> schedules = ModelAssembler.schedules(spec, optimizers, source);
        int start = 0;
        EarlyStopping stopping = EarlyStopping.of(spec, model, source);
        if (resume) {
            Optional<Checkpoint.Loaded> last = Checkpoint.latest(run.checkpoints());
            if (last.isPresent()) {
                last.get().restore(params, optimizers);
                start = last.get().epochsDone();
                stopping.resume(last.get().metadata());
                say("resuming " + run.path() + " after epoch " + start);
                if (stopping.stopped()) {
                    say("it stopped early (" + stopping.message() + "); nothing more to train, only its test figures");
                }
            } else {
                say("no checkpoint in " + run.checkpoints() + " yet; starting from epoch 1");
            }
        }
        // the resolved spec is written on resume too: it may extend the epochs
        AtomicFiles.writeString(run.spec(), pretty(spec.resolved()));
        if (start == 0) {
            ObjectNode provenance = Provenance.of(spec.resolved(), spec.seed(), data.sha256(), data.source(),
                    commandLine);
            provenance.set(Provenance.PROVIDERS, ProvidersUsed.record(spec.providers()));
            if (initial != null) {
                initial.applyTo(params);
                provenance.set(InitialCheckpoint.PROVENANCE_FIELD, initial.record());
                say("starting from " + initial.file() + " (" + initial.epochsDone() + " epochs of its own run)");
            }
            AtomicFiles.writeString(run.provenance(), pretty(provenance));
        }
        say(String.format(Locale.ROOT, "%s: %s, %d parameters; data %s: train %d, validation %d, test %d",
                spec.name(), model.describe(), params.count(), data.source(), data.trainSet().size(),
                data.validationSet() == null ? 0 : data.validationSet().size(), data.testSet().size()));
        Trainer trainer = new Trainer(model, params, optimizers, schedules, spec.clipNorm(), spec.seed());
        List<MetricInfo> logged = new ArrayList<>(model.metrics());
        logged.addAll(trainer.settings());
        JsonNode providersUsed = ProvidersUsed.record(spec.providers());
        ImportanceWeightedLog iwLog = ImportanceWeightedLog.of(spec, model, data, source);
        MetricsCsv csv = new MetricsCsv(run.metrics(), logged, iwLog.columns(), start);
        int epochs = spec.training().epochs();
        ConsoleProgress bar = new ConsoleProgress(out, epochs, progress, data.train().examples());
        RunFigures figures = new RunFigures(spec, model, data, run.path());
        double trainSeconds = 0;
        long trainExamples = 0;
        int current = start;
        try {
            for (int epoch = start; epoch < epochs && !stopping.stopped(); epoch++) {
                current = epoch;
                EpochResult r = trainer.epoch(epoch, spec.training().scheduleEpochs(), data.train(), data.validation(), bar);
                Metrics test = spec.training().testEachEpoch() ? testFigures(model, data) : null;
                Map<String, Double> extra = iwLog.after(epoch + 1);
                csv.append(r, test, extra);
                trainSeconds += r.trainSeconds();
                trainExamples += r.examples();
                say(epochLine(logged, r, test) + iwLog.describe(extra));
                figures.recordPerExample(epoch + 1);
                figures.writeAll(epoch + 1, epoch + 1 == epochs);
                RunReport.write(run.path(), RunReport.State.TRAINING);
                ObjectNode meta = SpecParser.MAPPER.createObjectNode();
                meta.put("seed", spec.seed());
                meta.set("spec", spec.resolved());
                meta.putPOJO("dataShape", data.shape());
                meta.putPOJO("classNames", data.info().classNames());
                meta.set(Provenance.PROVIDERS, providersUsed);
                if (stopping.active()) {
                    boolean better = stopping.observe(epoch + 1, r.validation());
                    meta.set(EarlyStopping.STATE, stopping.state());
                    if (better) {
                        Checkpoint.saveNamed(run.checkpoints(), EarlyStopping.BEST, epoch + 1, params, optimizers, meta);
                    }
                    if (stopping.stopped()) {
                        say(stopping.message());
                    }
                }
                Checkpoint.save(run.checkpoints(), epoch + 1, params, optimizers, meta, spec.training().keepCheckpoints());
            }
        } catch (RuntimeException | IOException | Error e) {
            failed(current, e);
            throw e;
        }
        if (stopping.restoresBest()) {
            Checkpoint.named(run.checkpoints(), EarlyStopping.BEST).ifPresent(b -> b.restore(params));
            say("test figures of the best epoch, " + stopping.bestEpoch() + " (checkpoints/best.npz)");
        }
        Metrics test = testFigures(model, data);
        ObjectNode summary = summary(model.metrics(), test, params.count(), trainSeconds, trainExamples);
        stopping.describe(summary);
        AtomicFiles.writeString(run.summary(), pretty(summary));
        if (start >= epochs) {
            figures.writeAll(epochs, true);
        }
        RunReport.write(run.path(), RunReport.State.FINISHED);
        say("test: " + figures(model.metrics(), test, true) + "; run folder " + run.path());
        return summary;
    }

    private Metrics testFigures(Model model, TrainingData data) {
        return Evaluator.evaluate(model, data.test(), spec.seed(), Streams.TEST_INDEX);
    }

    private ObjectNode summary(List<MetricInfo> metrics, Metrics test, long paramCount, double seconds,
                               long examples) {
        ObjectNode s = SpecParser.MAPPER.createObjectNode();
        s.put("name", spec.name());
        s.put("epochs", spec.training().epochs());
        s.put("parameters", paramCount);
        s.put("test_examples", test.examples());
        for (MetricInfo m : metrics) {
            double v = m.of(test);
            if (m.kind() != MetricInfo.Kind.SETTING && !m.trainingOnly() && !Double.isNaN(v)) {
                s.put(MetricsCsv.column("test", m.name()), v);
            }
        }
        if (examples > 0) {
            s.put("train_seconds_this_session", seconds);
            s.put("train_samples_per_s", examples / seconds);
        }
        return s;
    }

    /**
     * @param metrics what the model reports
     * @param figures the figures of one split
     * @param units   whether to name units
     * @return e.g. {@code neg_elbo 243.904, reconstruction 227.810, kl 16.094, bpd 0.4488}
     */
    static String figures(List<MetricInfo> metrics, Metrics figures, boolean units) {
        StringBuilder sb = new StringBuilder();
        for (MetricInfo m : metrics) {
            double v = m.of(figures);
            if (m.kind() == MetricInfo.Kind.SETTING || Double.isNaN(v)) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(m.name()).append(' ').append(number(v));
            if (units && !m.unit().isEmpty()) {
                sb.append(' ').append(m.unit());
            }
        }
        return sb.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 10 || v == 0 ? "%.3f" : "%.4f", v);
    }

    private static String epochLine(List<MetricInfo> metrics, EpochResult r, Metrics test) {
        StringBuilder sb = new StringBuilder("epoch " + (r.epoch() + 1) + ":");
        for (MetricInfo m : metrics) {
            if (m.kind() == MetricInfo.Kind.SETTING) {
                double v = m.of(r.train());
                // a learning rate of 3e-4 would print as 0.000 in fixed point
                sb.append(' ').append(m.name()).append(' ')
                        .append(String.format(Locale.ROOT, v == 0 || Math.abs(v) >= 0.01 ? "%.3f" : "%.3g", v));
            }
        }
        sb.append("  train ").append(figures(metrics, r.train(), false));
        if (r.validation() != null) {
            sb.append("  validation ").append(figures(metrics, r.validation(), false));
        }
        if (test != null) {
            sb.append("  test ").append(figures(metrics, test, false));
        }
        sb.append(String.format(Locale.ROOT, "  %.1f s, %.0f samples/s", r.trainSeconds(), r.samplesPerSecond()));
        return sb.toString();
    }

    /**
     * Says in run.log and report.html that the run stopped, and why, before the error goes on to
     * the command line; the checkpoints of the finished epochs stay as they are.
     */
    private void failed(int epoch, Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        run.log("training stopped in epoch " + (epoch + 1) + ": " + why);
        try {
            RunReport.write(run.path(), RunReport.State.FAILED, "Training stopped in epoch " + (epoch + 1) + ": " + why
                    + " The checkpoints of the epochs before it are intact.");
        } catch (IOException | RuntimeException ignored) {
            // the disk may be what failed; the command line still gets the error
        }
    }

    private void say(String line) {
        out.println(line);
        run.log(line);
    }

    private static String pretty(Object o) throws IOException {
        return SpecParser.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    }
}
