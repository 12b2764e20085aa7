package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vae4j.runner.plugins.ProviderRegistry;
import org.vae4j.runner.run.DataFingerprint;
import org.vae4j.engine.checkpoint.Checkpoint;
import org.vae4j.runner.run.InitialCheckpoint;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.RunDirectoryException;
import org.vae4j.runner.run.RunLock;
import org.vae4j.runner.run.SpecMigration;
import org.vae4j.runner.run.TrainingRun;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecParser;

/** {@code vae4j train SPEC.json}: trains a model and writes a run directory. */
@Parameters(commandDescription = "Train the experiment of a JSON spec into a run folder")
public final class TrainCommand implements CliCommand {
    @Parameter(description = "SPEC.json")
    List<String> spec = new ArrayList<>();

    @Parameter(names = {"--out", "--log-dir"}, description = "The run folder (default: runs/<spec name>)")
    Path out;

    @Parameter(names = "--epochs", description = "Override training.epochs")
    Integer epochs;

    @Parameter(names = "--seed", description = "Override the spec's seed")
    Long seed;

    @Parameter(names = "--resume", description = "Continue the run in --out from its newest checkpoint")
    boolean resume;

    @Parameter(names = "--force", description = "Move an existing --out folder aside and start afresh")
    boolean force;

    @Parameter(names = "--rerun", description = "Repeat the run in this folder from its resolved spec")
    Path rerun;

    @Parameter(names = "--init-from", description = "Start from another run's parameters (fine-tuning): RUN_DIR "
            + "(its newest checkpoint) or RUN_DIR/checkpoints/NAME (best, epoch-7)")
    Path initFrom;

    @Parameter(names = "--no-progress", description = "Print one line per epoch only")
    boolean noProgress;

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @ParametersDelegate
    SpecOverrides overrides = new SpecOverrides();

    @Override
    public String name() {
        return "train";
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
    public int run(PrintStream console, List<String> commandLine) throws Exception {
        if (resume && force) {
            throw new UsageException("--resume and --force contradict each other: pick one");
        }
        if (rerun != null && !spec.isEmpty()) {
            throw new UsageException("give either SPEC.json or --rerun RUN_DIR, not both");
        }
        if (resume && rerun != null) {
            throw new UsageException("--rerun starts a new run; to continue one use --resume --out RUN_DIR");
        }
        if (initFrom != null && (resume || rerun != null)) {
            throw new UsageException("--init-from starts a new run from another's parameters; --resume and --rerun "
                    + "take theirs from the run they name");
        }
        ProviderRegistry registry;
        Path specFile;
        Path specDir;
        Path runDir;
        if (rerun != null) {
            RunDirectory original = RunDirectory.open(rerun);
            specFile = original.spec();
            specDir = rerun;
            runDir = out != null ? out : rerun.resolveSibling(rerun.getFileName() + "-rerun");
            registry = plugins.registryFor(rerun);
        } else if (resume && spec.isEmpty()) {
            if (out == null) {
                throw new UsageException("--resume needs the run folder: --resume --out RUN_DIR");
            }
            specFile = RunDirectory.open(out).spec();
            specDir = out;
            runDir = out;
            registry = plugins.registryFor(out);
        } else {
            if (spec.size() != 1) {
                throw new UsageException("train takes one SPEC.json, got " + spec.size() + ": " + spec);
            }
            specFile = Path.of(spec.get(0));
            specDir = specFile.toAbsolutePath().getParent();
            runDir = null;
            registry = resume && out != null && Files.isDirectory(out) ? plugins.registryFor(out) : plugins.registry();
        }
        ObjectNode root = SpecParser.readTree(specFile);
        if (rerun != null || (resume && spec.isEmpty())) {
            // a run folder's spec.json, perhaps written by an earlier vae4j
            SpecMigration.upgrade(root);
        }
        if (rerun == null && !(resume && spec.isEmpty())) {
            absoluteDataPath(root, specDir);
        }
        if (epochs != null) {
            ((ObjectNode) root.with("training")).put("epochs", epochs);
        }
        if (seed != null) {
            root.put("seed", seed);
        }
        overrides.apply(root);
        ExperimentSpec parsed = new SpecParser(registry).parse(root, specFile.toString());
        if (runDir == null) {
            runDir = out != null ? out : Path.of("runs", parsed.name());
        }
        InitialCheckpoint initial = null;
        if (initFrom != null) {
            initial = InitialCheckpoint.locate(initFrom);
        } else if (rerun != null && Files.exists(rerun.resolve("provenance.json"))) {
            initial = InitialCheckpoint.recorded(SpecParser.MAPPER.readTree(rerun.resolve("provenance.json").toFile()));
        }
        if (initial != null) {
            try {
                initial.check(parsed, specFile.toString());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--init-from " + initial.file() + ": the checkpoint does not fit the model of "
                        + specFile + ": " + e.getMessage());
            }
        }
        RunDirectory run;
        if (resume) {
            if (!Files.isDirectory(runDir)) {
                throw new RunDirectoryException(runDir + " does not exist, so there is nothing to resume; "
                        + "start the run without --resume");
            }
            run = RunDirectory.open(runDir);
            requireSameExperiment(parsed, run, registry);
            int done = Checkpoint.latest(run.checkpoints()).map(Checkpoint.Loaded::epochsDone).orElse(0);
            int wanted = parsed.training().epochs();
            if (wanted < done) {
                throw new UsageException(run.path() + " has trained " + done + " epochs; --epochs " + wanted
                        + " would end before that. Give more than " + done + " to continue, or leave --epochs out");
            }
            if (wanted == done && done > 0) {
                console.println(run.path() + " has trained " + done + " epochs already: nothing to do (give --epochs "
                        + "N with N > " + done + " to continue)");
                return ExitCode.OK;
            }
            JsonNode before = SpecParser.readTree(run.spec()).path("training");
            int planned = before.path("scheduleEpochs").asInt(before.path("epochs").asInt(wanted));
            if (wanted > planned && !root.path("training").has("scheduleEpochs")) {
                // schedules keep the length they ran with: a beta ramp to "the last epoch" stays where it was
                ((ObjectNode) root.with("training")).put("scheduleEpochs", planned);
                parsed = new SpecParser(registry).parse(root, specFile.toString());
            }
        } else {
            run = RunDirectory.create(runDir, force, console);
        }
        // held from here to the end of training, released however the process ends
        try (RunLock lock = RunLock.acquire(run.path())) {
            TrainingRun training = new TrainingRun(parsed, specFile.toString(), specDir, run, console, !noProgress);
            if (initial != null) {
                training.initFrom(initial);
            }
            if (rerun != null && Files.exists(rerun.resolve("provenance.json"))) {
                training.expectData(DataFingerprint.of(SpecParser.MAPPER.readTree(rerun.resolve("provenance.json")
                        .toFile())));
            }
            training.train(resume, commandLine);
        }
        return ExitCode.OK;
    }

    /**
     * A relative {@code data.path} means relative to the spec file; the run folder's resolved
     * spec.json gets it absolute, so eval, --resume and --rerun, which read that copy from the
     * run folder, find the same data.
     */
    private static void absoluteDataPath(ObjectNode root, Path specDir) {
        if (root.get("data") instanceof ObjectNode data && data.get("path") != null && data.get("path").isTextual()) {
            Path p = Path.of(data.get("path").asText());
            if (!p.isAbsolute()) {
                data.put("path", specDir.resolve(p).toAbsolutePath().normalize().toString());
            }
        }
    }

    // a resumed run must be the same experiment; only its length may grow
    private void requireSameExperiment(ExperimentSpec parsed, RunDirectory run, ProviderRegistry registry)
            throws IOException {
        // resolved as the current version resolves it, so defaults added since compare equal
        ObjectNode before = (ObjectNode) SpecParser.MAPPER.readTree(SpecParser.MAPPER.writeValueAsString(
                new SpecParser(registry).parse(SpecMigration.upgrade(SpecParser.readTree(run.spec())),
                        run.spec().toString()).resolved()));
        // through text, as spec.json was written: the resolved tree holds a seed of 7 as a long,
        // the file read back as an int, and JSON nodes of different classes are never equal
        ObjectNode now = (ObjectNode) SpecParser.MAPPER.readTree(SpecParser.MAPPER.writeValueAsString(parsed.resolved()));
        for (ObjectNode n : new ObjectNode[] {before, now}) {
            if (n.get("training") instanceof ObjectNode t) {
                t.remove("epochs");
                t.remove("scheduleEpochs");
            }
        }
        List<String> differences = new ArrayList<>();
        differences("$", before, now, differences);
        if (!differences.isEmpty()) {
            throw new RunDirectoryException("cannot resume " + run.path() + ": the spec differs from the run's "
                    + "spec.json in more than training.epochs (" + String.join("; ", differences)
                    + "); start a new run instead");
        }
    }

    private static void differences(String path, JsonNode before, JsonNode now, List<String> out) {
        if (before != null && now != null && before.isObject() && now.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(fields::add);
            now.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                differences(path + "." + f, before.get(f), now.get(f), out);
            }
        } else if (!Objects.equals(before, now)) {
            out.add(path + ": " + (before == null ? "absent" : before.toString()) + " in the run, "
                    + (now == null ? "absent" : now.toString()) + " now");
        }
    }
}
