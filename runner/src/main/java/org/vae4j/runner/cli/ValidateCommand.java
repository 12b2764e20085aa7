package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.datasets.DataFormat;
import org.vae4j.datasets.DatasetCatalog;
import org.vae4j.datasets.LocatedDataset;
import org.vae4j.engine.model.VariationalAutoencoder;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.ModelAssembler;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;

/** {@code vae4j validate SPEC.json}: every check a training run makes before its first step. */
@Parameters(commandDescription = "Check a spec (fields, types, ranges, shapes, data) without training")
public final class ValidateCommand {
    @Parameter(description = "SPEC.json")
    List<String> spec = new ArrayList<>();

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    int run(PrintStream out) {
        if (spec.size() != 1) {
            throw new UsageException("validate takes one SPEC.json, got " + spec.size());
        }
        Path file = Path.of(spec.get(0));
        ExperimentSpec parsed = new SpecParser(plugins.registry()).parse(SpecParser.readTree(file), file.toString());
        // the shape the format implies, so validating does not read the whole data set
        long[] shape = DatasetCatalog.standard().get(parsed.data().dataset()).format() == DataFormat.CIFAR10_BINARY
                ? new long[] {3, 32, 32} : new long[] {1, 28, 28};
        VariationalAutoencoder model = ModelAssembler.build(parsed, shape, file.toString());
        ModelAssembler.betaSchedule(parsed, file.toString());
        LocatedDataset data = DataAssembler.locate(parsed.data(), file.toAbsolutePath().getParent(), System.getenv());
        out.println(file + ": valid. " + model.describe() + "; " + model.parameters().count()
                + " parameters; data: " + data.source());
        return ExitCode.OK;
    }
}
