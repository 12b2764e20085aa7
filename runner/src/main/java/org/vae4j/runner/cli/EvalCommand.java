package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vae4j.engine.model.BatchLoss;
import org.vae4j.engine.model.Metrics;
import org.vae4j.engine.optim.Sgd;
import org.vae4j.engine.train.BatchSource;
import org.vae4j.engine.train.Trainer;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.TrainedModel;
import org.vae4j.runner.run.TrainingRun;

/** {@code vae4j eval RUN_DIR}: the test negative ELBO and bits per dimension of a trained run. */
@Parameters(commandDescription = "Evaluate a run's newest checkpoint on its test (or validation) split")
public final class EvalCommand {
    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @Parameter(names = "--split", description = "test or validation")
    String split = "test";

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    int run(PrintStream out) throws Exception {
        if (runDir.size() != 1) {
            throw new UsageException("eval takes one RUN_DIR, got " + runDir.size());
        }
        if (!split.equals("test") && !split.equals("validation")) {
            throw new UsageException("--split must be test or validation, got '" + split + "'");
        }
        RunDirectory run = RunDirectory.open(Path.of(runDir.get(0)));
        TrainedModel tm = TrainedModel.load(run, plugins.registry());
        TrainingData data = DataAssembler.load(tm.spec(), run.path(), System.getenv(), run.spec().toString());
        BatchSource source = split.equals("test") ? data.test() : data.validation();
        if (source == null) {
            throw new UsageException("the run has no validation split ($.data.validation is 0)");
        }
        Trainer t = new Trainer(tm.model(), tm.model().parameters(), new Sgd(0, 0), p -> 1.0, 0, tm.spec().seed());
        long index = split.equals("test") ? TrainingRun.TEST_EVALUATION : tm.epochsDone() - 1;
        BatchLoss loss = t.evaluate(source, index);
        long dims = data.trainSet().dimensions();
        out.println(String.format(Locale.ROOT,
                "{\"split\": \"%s\", \"epochs\": %d, \"examples\": %d, \"neg_elbo\": %.6f, \"reconstruction\": %.6f, "
                        + "\"kl\": %.6f, \"bpd\": %.6f}",
                split, tm.epochsDone(), loss.examples(), loss.meanNegativeElbo(), loss.meanReconstruction(),
                loss.meanKl(), Metrics.bitsPerDimension(loss.meanNegativeElbo(), dims)));
        return ExitCode.OK;
    }
}
