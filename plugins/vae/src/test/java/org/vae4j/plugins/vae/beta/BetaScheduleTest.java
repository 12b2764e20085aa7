package org.vae4j.plugins.vae.beta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.vae4j.api.BetaSchedule;
import org.vae4j.api.TrainingProgress;
import org.vae4j.api.spi.ConfigException;
import org.vae4j.engine.testing.TestContext;

class BetaScheduleTest {
    private static final TestContext CONTEXT = TestContext.of(4).latent(2).type(DataType.FLOAT).shapes(new long[0], new long[] {2});
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TrainingProgress at(int epoch, int epochs) {
        return new TrainingProgress(epoch, epochs, epoch * 10L, 10);
    }

    @Test
    void constantIsTheSameEverywhere() throws Exception {
        ConstantBetaProvider provider = new ConstantBetaProvider();
        assertEquals("constant", provider.type());
        assertEquals(BetaSchedule.class, provider.kind());
        BetaSchedule beta = provider.create(JSON.readValue("{\"value\": 0.8}", ConstantBetaConfig.class), CONTEXT);
        for (int epoch = 0; epoch < 20; epoch += 7) {
            assertEquals(0.8, beta.beta(at(epoch, 20)));
        }
        assertEquals(1.0, provider.create(JSON.readValue("{}", ConstantBetaConfig.class), CONTEXT).beta(at(3, 5)));
        assertEquals(0.0, provider.create(JSON.readValue("{\"value\": 0}", ConstantBetaConfig.class), CONTEXT)
                .beta(at(3, 5)));
    }

    @Test
    void linearRisesFromZeroToTheTargetAtTheLastEpoch() {
        LinearBeta beta = new LinearBeta(1.2, null);
        assertEquals(0.0, beta.beta(at(0, 20)));
        assertEquals(1.2 * 10 / 19, beta.beta(at(10, 20)), 1e-15);
        assertEquals(1.2 * 18 / 19, beta.beta(at(18, 20)), 1e-15);
        assertEquals(1.2, beta.beta(at(19, 20)), 1e-15);
        assertEquals(1.2, beta.beta(at(1, 2)));
        assertEquals(1.2, beta.beta(at(0, 1)), "a single epoch trains at the target");
    }

    @Test
    void linearWithUntilEpochHoldsTheTargetAfterwards() {
        LinearBeta beta = new LinearBeta(1.2, 10);
        assertEquals(0.0, beta.beta(at(0, 20)));
        assertEquals(0.6, beta.beta(at(5, 20)), 1e-15);
        assertEquals(1.2, beta.beta(at(10, 20)));
        assertEquals(1.2, beta.beta(at(15, 20)));
        assertEquals(0.12, beta.beta(at(1, 3)), 1e-15, "untilEpoch past the run stops short of the target");
    }

    @Test
    void linearBindsFromJson() throws Exception {
        LinearBetaProvider provider = new LinearBetaProvider();
        assertEquals("linear", provider.type());
        LinearBetaConfig defaults = JSON.readValue("{}", LinearBetaConfig.class);
        assertEquals(1.0, defaults.target);
        assertNull(defaults.untilEpoch);
        assertEquals(0.5, provider.create(defaults, CONTEXT).beta(at(2, 5)));
        BetaSchedule beta = provider.create(
                JSON.readValue("{\"target\": 0.8, \"untilEpoch\": 4}", LinearBetaConfig.class), CONTEXT);
        assertEquals(0.4, beta.beta(at(2, 20)), 1e-15);
        assertEquals(0.8, beta.beta(at(12, 20)));
        assertThrows(UnrecognizedPropertyException.class,
                () -> JSON.readValue("{\"value\": 1}", LinearBetaConfig.class));
        LinearBetaConfig back = JSON.readValue(JSON.writeValueAsString(
                JSON.readValue("{\"target\": 0.8, \"untilEpoch\": 4}", LinearBetaConfig.class)), LinearBetaConfig.class);
        assertEquals(0.8, back.target);
        assertEquals(4, back.untilEpoch);
    }

    @Test
    void validationNamesTheField() {
        ConstantBetaConfig constant = new ConstantBetaConfig();
        constant.value = -0.1;
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConstantBetaProvider().create(constant, CONTEXT));
        assertEquals("value", e.field());
        assertTrue(e.getMessage().contains(">= 0") && e.getMessage().contains("-0.1"), e.getMessage());

        LinearBetaConfig target = new LinearBetaConfig();
        target.target = Double.NaN;
        assertEquals("target",
                assertThrows(ConfigException.class, () -> new LinearBetaProvider().create(target, CONTEXT)).field());

        LinearBetaConfig until = new LinearBetaConfig();
        until.untilEpoch = 0;
        e = assertThrows(ConfigException.class, () -> new LinearBetaProvider().create(until, CONTEXT));
        assertEquals("untilEpoch", e.field());
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new LinearBeta(-1, null));
        assertThrows(IllegalArgumentException.class, () -> new ConstantBeta(Double.POSITIVE_INFINITY));
    }
}
