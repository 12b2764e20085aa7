package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.api.model.Sampler;
import org.vae4j.datasets.ImageSet;
import org.vae4j.datasets.LocatedDataset;
import org.vae4j.engine.io.AtomicFiles;
import org.vae4j.runner.assemble.DataAssembler;
import org.vae4j.runner.report.RunReport;
import org.vae4j.runner.run.RunDirectory;
import org.vae4j.runner.run.TrainedModel;
import org.vae4j.runner.score.ReferenceClassifiers;
import org.vae4j.runner.score.SampleQuality;
import org.vae4j.runner.spec.SpecParser;

/**
 * {@code vae4j score RUN_DIR [--n 10000]}: the sample quality of any model that samples, as JSON
 * ({@code fd}, {@code classifier_test_accuracy}, {@code class_entropy_bits}), also saved as the
 * run's {@code score.json} and shown in its report. docs/SCORE.md explains the figures.
 */
@Parameters(commandDescription = "Score a run's samples: Frechet distance to the test images in a reference "
        + "classifier's features, and the spread of their classes")
public final class ScoreCommand implements CliCommand {
    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @Parameter(names = "--n", description = "How many samples to score (compare scores of the same n only)")
    int n = 10_000;

    @Parameter(names = "--seed", description = "Seed of the draws (0: the run's seed)")
    long seed = 0;

    @Parameter(names = "--draw", description = "Score one draw x ~ p(x|z) per sample instead of its mean")
    boolean draw;

    @Parameter(names = "--real", description = "Score n training images instead of samples: the figure real "
            + "data gets, a floor for the model's")
    boolean real;

    @Parameter(names = "--cache", description = "Folder of cached reference classifiers (default: $VAE4J_CACHE, "
            + "else $XDG_CACHE_HOME/vae4j, else ~/.cache/vae4j)")
    Path cache;

    @ParametersDelegate
    CheckpointOption checkpoint = new CheckpointOption();

    @ParametersDelegate
    PluginOptions plugins = new PluginOptions();

    @Override
    public String name() {
        return "score";
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
        Pictured.requireOne("score", runDir);
        if (n < 2 || n > 100_000) {
            throw new UsageException("--n must be from 2 to 100000, got " + n);
        }
        if (real && draw) {
            throw new UsageException("--real scores training images, which have no draws; give one of --real, --draw");
        }
        RunDirectory run = RunDirectory.open(Path.of(runDir.get(0)));
        TrainedModel tm = TrainedModel.load(run, plugins.registryFor(run.path()), checkpoint.name);
        if (!real && !(tm.model() instanceof Sampler)) {
            throw new UsageException("this model cannot draw new examples (it has no prior to sample), so there "
                    + "is nothing to score");
        }
        LocatedDataset located = DataAssembler.locate(tm.spec().data(), run.path(), System.getenv());
        ImageSet test = located.test();
        long drawSeed = seed != 0 ? seed : tm.spec().seed();
        ImageSet[] train = new ImageSet[1];
        java.util.function.Supplier<ImageSet> trainSet = () -> {
            if (train[0] == null) {
                train[0] = located.train();
            }
            return train[0];
        };
        SampleQuality.Images images;
        if (real) {
            ImageSet all = trainSet.get();
            if (n > all.size()) {
                throw new UsageException("--real --n " + n + ": the data set has " + all.size() + " training images");
            }
            images = SampleQuality.imagesOf(all.slice(all.size() - n, all.size()));
        } else {
            images = SampleQuality.samplesOf((Sampler) tm.model(), drawSeed, draw);
        }
        SampleQuality.Score s = SampleQuality.score(images, n, located.name(), located.trainSha256(), trainSet, test,
                cache != null ? cache : ReferenceClassifiers.cacheRoot(System.getenv()), plugins.warnings);
        ObjectNode json = SpecParser.MAPPER.createObjectNode();
        json.put("run", tm.spec().name());
        json.put("epochs", tm.epochsDone());
        json.put("samples", real ? "training images" : draw ? "drawn" : "decoded");
        json.put("n", s.n());
        json.put("seed", drawSeed);
        json.put("fd", s.fd());
        json.put("classifier_test_accuracy", s.classifierTestAccuracy());
        json.put("class_entropy_bits", s.classEntropyBits());
        ArrayNode counts = json.putArray("class_counts");
        for (long c : s.classCounts()) {
            counts.add(c);
        }
        ArrayNode names = json.putArray("class_names");
        List<String> known = located.classNames();
        for (int k = 0; k < s.classCounts().length; k++) {
            names.add(k < known.size() ? known.get(k) : "class " + k);
        }
        json.put("classifier", s.classifierFolder().toString());
        String text = SpecParser.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        out.println(text);
        if (!real) {
            save(run, text);
        }
        return ExitCode.OK;
    }

    /** Keeps the score with the run and in its report; a read-only run folder only loses that. */
    private void save(RunDirectory run, String text) {
        try {
            AtomicFiles.writeString(run.path().resolve(RunReport.SCORE_FILE), text + "\n");
            RunReport.write(run.path(), RunReport.State.FINISHED);
        } catch (IOException e) {
            plugins.warnings.println("vae4j score: could not save " + RunReport.SCORE_FILE + " in " + run.path() + " (" + e.getMessage()
                    + "); the score above is complete");
        }
    }
}
