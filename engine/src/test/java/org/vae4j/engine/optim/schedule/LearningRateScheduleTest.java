package org.vae4j.engine.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vae4j.api.TrainingProgress;
import org.vae4j.api.spi.ConfigException;

/** Each schedule's factor against values worked out by hand from the formula in its Javadoc. */
class LearningRateScheduleTest {
    /** 10 epochs of 10 steps each. */
    private static TrainingProgress at(long step) {
        return new TrainingProgress((int) (step / 10), 10, step, 10);
    }

    @Test
    void warmupRisesLinearlyToOneAndStays() {
        ConstantRate c = new ConstantRate(new Warmup(4));
        assertEquals(0.25, c.factor(at(0)));
        assertEquals(0.5, c.factor(at(1)));
        assertEquals(0.75, c.factor(at(2)));
        assertEquals(1.0, c.factor(at(3)));
        assertEquals(1.0, c.factor(at(99)));
        assertEquals(1.0, new ConstantRate(new Warmup(0)).factor(at(0)), "no warm-up: exactly 1");
    }

    @Test
    void stepDecayMultipliesByGammaEveryNEpochs() {
        StepDecay s = new StepDecay(2, 0.5, new Warmup(0));
        // epochs 0, 1 | 2, 3 | 4
        assertEquals(1.0, s.factor(at(0)));
        assertEquals(1.0, s.factor(at(19)));
        assertEquals(0.5, s.factor(at(20)));
        assertEquals(0.5, s.factor(at(39)));
        assertEquals(0.25, s.factor(at(40)));
    }

    @Test
    void exponentialDecayIsGammaToTheEpoch() {
        ExponentialDecay e = new ExponentialDecay(0.9, new Warmup(0));
        assertEquals(1.0, e.factor(at(5)));
        assertEquals(0.729, e.factor(at(30)), 1e-15);
        // with a warm-up of 20 steps, step 4 of epoch 0: 5/20
        assertEquals(0.25, new ExponentialDecay(0.9, new Warmup(20)).factor(at(4)), 1e-15);
    }

    @Test
    void cosineFallsFromOneToTheMinimumOverTheRun() {
        CosineAnnealing c = new CosineAnnealing(0, new Warmup(0));
        assertEquals(1.0, c.factor(at(0)));
        // a quarter of the way: (1 + cos(pi/4)) / 2 = 0.853553...
        assertEquals((1 + Math.sqrt(0.5)) / 2, c.factor(at(25)), 1e-15);
        assertEquals(0.5, c.factor(at(50)), 1e-15);
        assertEquals(0.0, c.factor(at(100)), 1e-15);
        CosineAnnealing floor = new CosineAnnealing(0.1, new Warmup(0));
        assertEquals(0.55, floor.factor(at(50)), 1e-15);
        assertEquals(0.1, floor.factor(at(100)), 1e-15);
    }

    @Test
    void cosineAfterAWarmupSpansTheRestOfTheRun() {
        CosineAnnealing c = new CosineAnnealing(0, new Warmup(10));
        assertEquals(0.1, c.factor(at(0)), 1e-15);
        assertEquals(1.0, c.factor(at(9)), 1e-15);
        assertEquals(1.0, c.factor(at(10)), 1e-15);
        // 90 steps after the warm-up: half-way at step 55
        assertEquals(0.5, c.factor(at(55)), 1e-15);
    }

    @Test
    void configurationsNameTheFieldOutOfRange() {
        StepDecayConfig step = new StepDecayConfig();
        assertEquals("every", assertThrows(ConfigException.class, step::validate).field());
        step.every = 3;
        step.gamma = 1.5;
        assertEquals("gamma", assertThrows(ConfigException.class, step::validate).field());
        ExponentialDecayConfig exp = new ExponentialDecayConfig();
        assertEquals("gamma", assertThrows(ConfigException.class, exp::validate).field());
        CosineAnnealingConfig cos = new CosineAnnealingConfig();
        cos.warmupSteps = -1;
        assertEquals("warmupSteps", assertThrows(ConfigException.class, cos::validate).field());
        cos.warmupSteps = 0;
        cos.minFactor = 2;
        assertEquals("minFactor", assertThrows(ConfigException.class, cos::validate).field());
    }
}
