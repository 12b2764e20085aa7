package org.vae4j.engine.train;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.api.Pass;
import org.vae4j.api.data.Batch;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.ParameterGroup;
import org.vae4j.api.model.StepContext;
import org.vae4j.api.model.TrainingPhase;
import org.vae4j.engine.init.Initializer;
import org.vae4j.engine.layers.Dense;
import org.vae4j.engine.layers.Sequential;
import org.vae4j.engine.layers.Tanh;
import org.vae4j.engine.random.SeededRandom;

/**
 * A model of no family, for testing the engine's loop: two networks in two parameter groups, each
 * trained by a phase of its own, the way a GAN's discriminator and generator are. Phase
 * {@code first} takes a batch and pulls {@code first(x + noise)} towards 0.5; phase {@code second}
 * takes no batch of its own, reuses the first phase's, and trains {@code second(first(x))} to
 * reproduce x, running {@code first} again in a pass of its own. The noise comes from the step's
 * stream, so resuming must re-derive it.
 */
public final class TwoPhaseModel implements Model {
    private final Sequential first;
    private final Dense second;
    private final Pass firstPass = Pass.training();
    private final Pass secondPass = Pass.training();
    private final Pass probe = Pass.inference();

    /**
     * @param seed the seed of the initial weights
     * @param d    values per example
     * @param h    hidden units
     * @param type the floating-point type
     */
    public TwoPhaseModel(long seed, int d, int h, DataType type) {
        try (SeededRandom r = new SeededRandom(seed)) {
            first = new Sequential(List.of(new Dense(d, h, Initializer.PYTORCH, type, r.get()), new Tanh(h)));
            second = new Dense(h, d, Initializer.PYTORCH, type, r.get());
        }
    }

    Dense second() {
        return second;
    }

    @Override
    public List<ParameterGroup> parameterGroups() {
        return List.of(ParameterGroup.of("first", Map.of("first", first)),
                ParameterGroup.of("second", Map.of("second", second)));
    }

    @Override
    public List<TrainingPhase> phases() {
        return List.of(new TrainingPhase() {
            @Override
            public String name() {
                return "first";
            }

            @Override
            public String group() {
                return "first";
            }

            @Override
            public Metrics step(Batch batch, StepContext context) {
                INDArray x = batch.input().dup();
                INDArray noise = x.ulike();
                Nd4j.getExecutioner().exec(new GaussianDistribution(noise, 0.0, 0.1), context.random());
                INDArray h = first.forward(x.addi(noise), firstPass);
                INDArray diff = h.sub(0.5);
                long n = batch.size();
                first.backward(diff.mul(2.0 / n), firstPass, false);
                return new Metrics().sum("loss_first", diff.mul(diff).sumNumber().doubleValue(), n)
                        .set("step", context.progress().step());
            }
        }, new TrainingPhase() {
            @Override
            public String name() {
                return "second";
            }

            @Override
            public String group() {
                return "second";
            }

            @Override
            public boolean consumesBatch() {
                return false;
            }

            @Override
            public Metrics step(Batch batch, StepContext context) {
                INDArray h = first.forward(batch.input(), probe);
                INDArray y = second.forward(h, secondPass);
                INDArray diff = y.sub(batch.target());
                long n = batch.size();
                second.backward(diff.mul(2.0 / n), secondPass, false);
                return new Metrics().sum("loss_second", diff.mul(diff).sumNumber().doubleValue(), n);
            }
        });
    }

    @Override
    public Metrics evaluate(Batch batch, Random random) {
        INDArray h = first.forward(batch.input(), probe);
        INDArray a = h.sub(0.5);
        INDArray b = second.forward(h, probe).sub(batch.target());
        return new Metrics().sum("loss_first", a.mul(a).sumNumber().doubleValue(), batch.size())
                .sum("loss_second", b.mul(b).sumNumber().doubleValue(), batch.size());
    }

    @Override
    public List<MetricInfo> metrics() {
        return List.of(MetricInfo.setting("step", "the step"),
                MetricInfo.mean("loss_first", "first loss", "", "losses"),
                MetricInfo.mean("loss_second", "second loss", "", "losses"));
    }

    @Override
    public String describe() {
        return "first: " + first.describe() + "; second: " + second.describe();
    }
}
