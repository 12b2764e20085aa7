package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.api.model.Model;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.assemble.ModelAssembler;
import org.vae4j.runner.assemble.TrainingData;
import org.vae4j.runner.run.EarlyStopping;
import org.vae4j.runner.run.ImportanceWeightedLog;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;

/** {@code vae4j validate SPEC.json}: every check a training run makes before its first step. */
@Parameters(commandDescription = "Check a spec (fields, types, ranges, shapes, data files) without training")
public final class ValidateCommand implements CliCommand {
    @Parameter(description = "SPEC.json")
    List<String> spec = new ArrayList<>();

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public List<String> positional() {
        return spec;
    }

    @Override
    public PluginOptions plugins() {
        return plugins;
    }

    @Override
    public boolean computes() {
        return false;
    }

    @Override
    public int run(PrintStream out, List<String> commandLine) {
        if (spec.size() != 1) {
            throw new UsageException("validate takes one SPEC.json, got " + spec.size());
        }
        Path file = Path.of(spec.get(0));
        ExperimentSpec parsed = new SpecParser(plugins.registry()).parse(SpecParser.readTree(file), file.toString());
        // the data is read as training reads it: damaged files and a too large validation split
        // are found here, and the model is built for the data's real shape
        TrainingData data = DataAssembler.load(parsed, file.toAbsolutePath().getParent(), System.getenv(),
                file.toString());
        Model model = ModelAssembler.build(parsed, data.info(), file.toString());
        ModelAssembler.schedules(parsed, ModelAssembler.optimizers(parsed, model, file.toString()), file.toString());
        EarlyStopping.of(parsed, model, file.toString());
        ImportanceWeightedLog.of(parsed, model, data, file.toString());
        out.println(file + ": valid. " + model.describe() + "; " + ModelParameters.of(model, ModelAssembler.TYPE).count()
                + " parameters; data: " + data.source() + " (train " + data.trainSet().size() + ", validation "
                + (data.validationSet() == null ? 0 : data.validationSet().size()) + ", test "
                + data.testSet().size() + ")");
        return ExitCode.OK;
    }
}
