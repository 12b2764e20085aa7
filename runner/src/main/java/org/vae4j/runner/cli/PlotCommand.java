package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.runner.report.RunReport;

/** {@code vae4j plot RUN_DIR}: every picture of a run again, from its newest checkpoint and metrics, and report.html. */
@Parameters(commandDescription = "Write every picture of a run from its newest checkpoint and metrics.csv, and its report.html")
public final class PlotCommand implements CliCommand {
    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @ParametersDelegate
    CheckpointOption checkpoint = new CheckpointOption();

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @Override
    public String name() {
        return "plot";
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
    public int run(PrintStream console, List<String> commandLine) throws Exception {
        Pictured p = Pictured.open("plot", runDir, plugins, true, checkpoint.name);
        List<Path> written = new ArrayList<>(p.figures().writeAll(p.model().epochsDone(), true));
        boolean finished = Files.isRegularFile(p.run().summary());
        written.add(RunReport.write(p.run().path(), RunReport.State.FINISHED));
        console.println("wrote " + written.size() + " files for " + p.run().path() + " after epoch " + p.model().epochsDone()
                + (finished ? "" : " (the run has no summary.json: unfinished)") + ":");
        for (Path f : written) {
            console.println("  " + f);
        }
        return ExitCode.OK;
    }
}
