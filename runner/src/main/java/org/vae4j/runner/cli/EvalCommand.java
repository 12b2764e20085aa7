package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.api.data.BatchSource;
import org.vae4j.api.model.ImportanceWeighted;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.random.Streams;
import org.vae4j.engine.train.Evaluator;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.TrainedModel;
import org.vae4j.runner.spec.SpecParser;

/**
 * {@code vae4j eval RUN_DIR}: the figures of a trained run's newest checkpoint on its test (or
 * validation) split, as JSON: whatever the model reports ({@code neg_elbo} and {@code bpd} for a
 * VAE), with the same noise as the end of training, so it repeats summary.json.
 */
@Parameters(commandDescription = "Evaluate a run's newest checkpoint on its test (or validation) split")
public final class EvalCommand implements CliCommand {
    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @Parameter(names = "--split", description = "test or validation")
    String split = "test";

    @Parameter(names = "--iw-samples", description = "Also estimate the importance-weighted negative log-likelihood "
            + "with K samples per example (e.g. 1000), for models that have a posterior")
    int iwSamples = 0;

    @ParametersDelegate
    CheckpointOption checkpoint = new CheckpointOption();

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public List<String> positional() {
        return runDir;
    }

    @Override
    public PluginOptions plugins() {
        return plugins;
    }

    @Override
    public int run(PrintStream out, List<String> commandLine) throws Exception {
        if (runDir.size() != 1) {
            throw new UsageException("eval takes one RUN_DIR, got " + runDir.size());
        }
        if (iwSamples < 0 || iwSamples > 1_000_000) {
            throw new UsageException("--iw-samples must be from 1 to 1000000 (0: off), got " + iwSamples);
        }
        if (!split.equals("test") && !split.equals("validation")) {
            throw new UsageException("--split must be test or validation, got '" + split + "'");
        }
        RunDirectory run = RunDirectory.open(Path.of(runDir.get(0)));
        TrainedModel tm = TrainedModel.load(run, plugins.registryFor(run.path()), checkpoint.name);
        TrainingData data = DataAssembler.load(tm.spec(), run.path(), System.getenv(), run.spec().toString());
        BatchSource source = split.equals("test") ? data.test() : data.validation();
        if (source == null) {
            throw new UsageException("the run has no validation split ($.data.validation is 0)");
        }
        long index = split.equals("test") ? Streams.TEST_INDEX : tm.epochsDone() - 1;
        Metrics figures = Evaluator.evaluate(tm.model(), source, tm.spec().seed(), index);
        ObjectNode json = SpecParser.MAPPER.createObjectNode();
        json.put("split", split);
        json.put("epochs", tm.epochsDone());
        json.put("examples", figures.examples());
        for (MetricInfo m : tm.model().metrics()) {
            double v = m.of(figures);
            if (m.kind() != MetricInfo.Kind.SETTING && !m.trainingOnly() && !Double.isNaN(v)) {
                json.put(m.name(), v);
            }
        }
        if (iwSamples > 0) {
            if (!(tm.model() instanceof ImportanceWeighted iw)) {
                throw new UsageException("--iw-samples: this model has no posterior to sample from, so no "
                        + "importance-weighted likelihood");
            }
            double nll = Evaluator.importanceWeightedNll(iw, source, iwSamples, tm.spec().seed());
            json.put("iw_samples", iwSamples);
            json.put("iw_nll", nll);
            json.put("iw_bpd", nll / (tm.data().dimensions() * Math.log(2)));
        }
        out.println(SpecParser.MAPPER.writeValueAsString(json));
        return ExitCode.OK;
    }
}
