package org.vae4j.plugins.vae.svi;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vae4j.api.command.Command;
import org.vae4j.api.command.CommandContext;
import org.vae4j.api.command.CommandException;
import org.vae4j.api.command.TrainedRun;
import org.vae4j.api.data.Batch;
import org.vae4j.api.random.Seeds;
import org.vae4j.engine.random.SeededRandom;
import org.vae4j.plugins.vae.VaeModel;

/**
 * {@code vae4j refine RUN_DIR [--steps 200] [--lr 0.01] [--init encoder|random] [--iw-samples K]}:
 * stochastic variational inference on a trained VAE's test split, reporting the negative ELBO
 * with the encoder's posterior and with the refined one (their difference is the amortization
 * gap, Cremer et al. 2018), as JSON.
 */
public final class RefineCommand implements Command {
    /** The usage line after {@code vae4j refine}. */
    static final String USAGE = "RUN_DIR [--steps 200] [--lr 0.01] [--init encoder|random] [--split test] "
            + "[--limit N] [--iw-samples K]";
    /** The random streams of the command, beside those of training (see {@code Streams}). */
    private static final long NOISE = 51;
    private static final long START = 52;
    private static final long EVALUATION = 53;

    @Parameter(description = "RUN_DIR")
    List<String> runDir = new ArrayList<>();

    @Parameter(names = "--steps", description = "Adam steps per batch")
    int steps = 200;

    @Parameter(names = "--lr", description = "Adam's learning rate")
    double lr = 0.01;

    @Parameter(names = "--init", description = "Where the posterior parameters start: encoder (its output) or random")
    String init = "encoder";

    @Parameter(names = "--split", description = "test or validation")
    String split = "test";

    @Parameter(names = "--limit", description = "Refine only the first N examples (0: all)")
    int limit = 0;

    @Parameter(names = "--samples", description = "Draws per example for the reported negative ELBOs")
    int samples = 10;

    @Parameter(names = "--iw-samples", description = "Also the importance-weighted NLL with the refined posterior, "
            + "K samples per example (0: off)")
    int iwSamples = 0;

    @Parameter(names = {"--help", "-h"}, help = true, description = "Show the options")
    boolean help;

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        JCommander jc = JCommander.newBuilder().programName("vae4j refine").addObject(this).build();
        try {
            jc.parse(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw CommandException.usage(e.getMessage() + "; usage: vae4j refine " + USAGE);
        }
        if (help) {
            StringBuilder sb = new StringBuilder();
            jc.getUsageFormatter().usage(sb);
            context.out().print(sb);
            return 0;
        }
        if (runDir.size() != 1) {
            throw CommandException.usage("refine takes one RUN_DIR, got " + runDir.size() + "; usage: vae4j refine "
                    + USAGE);
        }
        if (!init.equals("encoder") && !init.equals("random")) {
            throw CommandException.usage("--init must be encoder or random, got '" + init + "'");
        }
        if (steps < 0 || steps > 1_000_000 || !(lr > 0) || samples < 1 || iwSamples < 0 || limit < 0) {
            throw CommandException.usage("--steps must be 0..1000000, --lr > 0, --samples >= 1, --iw-samples and "
                    + "--limit >= 0");
        }
        TrainedRun run = context.openRun(Path.of(runDir.get(0)));
        if (!(run.model() instanceof VaeModel vae) || !vae.isVariational()) {
            throw CommandException.usage("refine needs a one-layer VAE (\"type\": \"vae\" with a variational "
                    + "objective), whose posterior q(z|x) is one diagonal Gaussian per image; this run's model is not one");
        }
        if (vae.hasFlow()) {
            throw CommandException.usage("refine optimizes a diagonal Gaussian per example; this model's posterior is "
                    + "a " + vae.flow().describe() + ", which refine does not refine");
        }
        Refinement r = new Refinement(vae);
        double before = 0;
        double after = 0;
        double iw = 0;
        long count = 0;
        long start = System.nanoTime();
        Iterator<Batch> it = context.split(run, split).epoch(0);
        for (long b = 0; it.hasNext() && (limit == 0 || count < limit); b++) {
            Batch batch = it.next();
            INDArray phi;
            try (SeededRandom s = new SeededRandom(Seeds.derive(run.seed(), START, b))) {
                phi = init.equals("encoder") ? r.encoded(batch) : r.random(batch.size(), s.get());
            }
            try (SeededRandom e = new SeededRandom(Seeds.derive(run.seed(), EVALUATION, b))) {
                // "before" is always the encoder's: the gap is measured from amortized inference
                before += r.negativeElbo(batch, r.encoded(batch), samples, e.get()).sumNumber().doubleValue();
            }
            try (SeededRandom n = new SeededRandom(Seeds.derive(run.seed(), NOISE, b))) {
                r.refine(batch, phi, steps, lr, n.get());
            }
            try (SeededRandom e = new SeededRandom(Seeds.derive(run.seed(), EVALUATION, b))) {
                after += r.negativeElbo(batch, phi, samples, e.get()).sumNumber().doubleValue();
                if (iwSamples > 0) {
                    iw += vae.importanceWeightedNll(batch, r.means(phi), r.logVariances(phi), iwSamples, e.get())
                            .sumNumber().doubleValue();
                }
            }
            count += batch.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"split\":\"%s\",\"examples\":%d,\"init\":\"%s\",\"steps\":%d,"
                        + "\"lr\":%s,\"neg_elbo_encoder\":%.6f,\"neg_elbo_refined\":%.6f,\"amortization_gap\":%.6f",
                split, count, init, steps, lr, before / count, after / count, (before - after) / count));
        if (iwSamples > 0) {
            json.append(String.format(Locale.ROOT, ",\"iw_samples\":%d,\"iw_nll_refined\":%.6f", iwSamples, iw / count));
        }
        json.append(String.format(Locale.ROOT, ",\"seconds\":%.1f}", seconds));
        context.out().println(json);
        return 0;
    }
}
