package org.vae4j.engine.train;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vae4j.api.TrainingProgress;
import org.vae4j.api.data.Batch;
import org.vae4j.api.data.BatchSource;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.StepContext;
import org.vae4j.api.model.TrainingPhase;
import org.vae4j.api.optim.LearningRateSchedule;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.api.random.Seeds;
import org.vae4j.api.random.Streams;
import org.vae4j.engine.params.ModelParameters;
import org.vae4j.engine.params.ParameterStore;
import org.vae4j.engine.random.SeededRandom;

/**
 * The training loop of any {@link Model}. An iteration runs the model's phases in order; for each
 * the trainer takes a fresh batch if the phase consumes one, zeroes the phase's parameter group's
 * gradients, lets the phase compute them, stops if a metric is not finite, clips the group's
 * gradients and lets the group's optimizer step. Every random stream is derived from the run seed
 * and the epoch ({@link Seeds}), so training epochs {@code k..n} after a restore from the
 * checkpoint of epoch {@code k-1} gives the same numbers as an uninterrupted run.
 */
public final class Trainer {
    private final Model model;
    private final List<TrainingPhase> phases;
    private final Map<String, ParameterStore> stores = new LinkedHashMap<>();
    private final Map<String, Optimizer> optimizers;
    private final Map<String, LearningRateSchedule> schedules;
    private final Map<String, String> rateNames = new LinkedHashMap<>();
    private final double clipNorm;
    private final long seed;
    private final int batchesPerIteration;

    /**
     * @param model      the model
     * @param params     its parameters, from {@link ModelParameters#of}
     * @param optimizers an optimizer per parameter group, by group name
     * @param clipNorm   the largest gradient L2 norm per group, or 0 for no clipping
     * @param seed       the run seed
     * @throws IllegalArgumentException if a phase names a group without parameters or optimizer
     */
    public Trainer(Model model, ModelParameters params, Map<String, Optimizer> optimizers, double clipNorm, long seed) {
        this(model, params, optimizers, Map.of(), clipNorm, seed);
    }

    /**
     * @param model      the model
     * @param params     its parameters, from {@link ModelParameters#of}
     * @param optimizers an optimizer per parameter group, by group name
     * @param schedules  the learning-rate schedules of some groups, by group name; the others keep
     *                   their configured rate. Each scheduled group's rate is reported as the
     *                   setting {@code lr} (one group) or {@code lr_<group>} (see {@link #settings()})
     * @param clipNorm   the largest gradient L2 norm per group, or 0 for no clipping
     * @param seed       the run seed
     * @throws IllegalArgumentException if a phase names a group without parameters or optimizer, or
     *                                  a schedule names a group without an optimizer
     */
    public Trainer(Model model, ModelParameters params, Map<String, Optimizer> optimizers,
                   Map<String, LearningRateSchedule> schedules, double clipNorm, long seed) {
        this.model = model;
        this.phases = List.copyOf(model.phases());
        this.optimizers = Map.copyOf(optimizers);
        this.schedules = Map.copyOf(schedules);
        for (String g : new java.util.TreeSet<>(schedules.keySet())) {
            if (!optimizers.containsKey(g)) {
                throw new IllegalArgumentException("a learning-rate schedule for group '" + g + "', which has no optimizer");
            }
            rateNames.put(g, optimizers.size() == 1 ? "lr" : "lr_" + g);
        }
        this.clipNorm = clipNorm;
        this.seed = seed;
        if (phases.isEmpty()) {
            throw new IllegalArgumentException(model.describe() + " has no training phases");
        }
        int consuming = 0;
        for (TrainingPhase p : phases) {
            stores.put(p.group(), params.group(p.group()));
            if (!optimizers.containsKey(p.group())) {
                throw new IllegalArgumentException("no optimizer for parameter group '" + p.group() + "' of phase "
                        + p.name());
            }
            consuming += p.consumesBatch() ? 1 : 0;
        }
        if (!phases.get(0).consumesBatch()) {
            throw new IllegalArgumentException("the first training phase (" + phases.get(0).name()
                    + ") must take a batch");
        }
        this.batchesPerIteration = consuming;
    }

    /**
     * @return the settings the trainer adds to the training figures: the learning rate of every
     *         scheduled group (empty without schedules)
     */
    public List<MetricInfo> settings() {
        return rateNames.entrySet().stream()
                .map(e -> MetricInfo.setting(e.getValue(), "learning rate" + (e.getValue().equals("lr") ? ""
                        : " (" + e.getKey() + ")")))
                .toList();
    }

    /** @return the model trained */
    public Model model() {
        return model;
    }

    /**
     * @param source training batches
     * @return the iterations one epoch of them makes
     */
    public long iterationsPerEpoch(BatchSource source) {
        return Math.max(1, (source.batchesPerEpoch() + batchesPerIteration - 1) / batchesPerIteration);
    }

    /**
     * Trains one epoch and then evaluates on the validation split.
     *
     * @param epoch      the epoch, counted from 0
     * @param epochs     the run's number of epochs (for schedules)
     * @param train      the training batches
     * @param validation the validation batches, or null
     * @param listener   hears each iteration
     * @return the epoch's figures
     * @throws TrainingDivergedException if a metric of a step is NaN or infinite
     */
    public EpochResult epoch(int epoch, int epochs, BatchSource train, BatchSource validation,
                             TrainingListener listener) {
        long perEpoch = iterationsPerEpoch(train);
        Metrics sums = new Metrics();
        long steps = 0;
        long examples = 0;
        long start = System.nanoTime();
        try (SeededRandom noise = new SeededRandom(Seeds.derive(seed, Streams.TRAINING_NOISE, epoch))) {
            Iterator<Batch> it = train.epoch(epoch);
            while (it.hasNext()) {
                TrainingProgress progress = new TrainingProgress(epoch, epochs, epoch * perEpoch + steps, perEpoch);
                Iteration done = iteration(it, new StepContext(progress, noise.get()), epoch, steps);
                sums.add(done.metrics());
                examples += done.examples();
                steps++;
                listener.onStep(epoch, steps, perEpoch, sums);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Metrics val = validation == null ? null : Evaluator.evaluate(model, validation, seed, epoch);
        EpochResult result = new EpochResult(epoch, sums, val, seconds, examples / Math.max(seconds, 1e-9), steps,
                examples);
        listener.onEpoch(result);
        return result;
    }

    /**
     * One training iteration: every phase once, in order. {@code vae4j bench} times exactly this.
     *
     * @param batches the training batches; the iteration takes one per phase that consumes one
     * @param context where training is, and the noise stream
     * @param epoch   the epoch, for messages
     * @param step    the iteration within the epoch, for messages
     * @return the metrics of the phases and the training examples they took
     * @throws TrainingDivergedException if a metric is NaN or infinite
     */
    public Iteration iteration(Iterator<Batch> batches, StepContext context, int epoch, long step) {
        Metrics metrics = new Metrics();
        long examples = 0;
        Batch batch = null;
        for (TrainingPhase phase : phases) {
            if (phase.consumesBatch()) {
                if (!batches.hasNext()) {
                    break;
                }
                batch = batches.next();
                examples += batch.size();
            }
            ParameterStore store = stores.get(phase.group());
            store.zeroGradients();
            Metrics m = phase.step(batch, context);
            String bad = m.firstNonFinite();
            if (bad != null) {
                throw new TrainingDivergedException(epoch, step, phase.name(), bad, m);
            }
            if (clipNorm > 0) {
                store.clipGradientNorm(clipNorm);
            }
            Optimizer optimizer = optimizers.get(phase.group());
            LearningRateSchedule schedule = schedules.get(phase.group());
            if (schedule != null) {
                double f = schedule.factor(context.progress());
                optimizer.learningRateFactor(f);
                m.set(rateNames.get(phase.group()), optimizer.learningRate());
            }
            optimizer.step(store.values(), store.gradients());
            metrics.add(m);
        }
        return new Iteration(metrics, examples);
    }

    /**
     * What one iteration did.
     *
     * @param metrics  the sums its phases reported
     * @param examples the training examples it took
     */
    public record Iteration(Metrics metrics, long examples) {
    }
}
