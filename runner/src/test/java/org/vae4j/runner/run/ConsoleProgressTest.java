package org.vae4j.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void aTerminalGetsABarWithLossAndImagesPerSecond() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleProgress p = new ConsoleProgress(out, 2, true, 1000, true);
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int step = 1; step <= 10; step++) {
                p.onStep(epoch, step, 10, 300.0 - step);
            }
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("epoch 1/2"), s);
        assertTrue(s.contains("epoch 2/2"), s);
        assertTrue(s.contains("100%"), s);
        assertTrue(s.contains("1000/1000 img"), "counts images: " + s);
        assertTrue(s.contains("img/s"), "images per second: " + s);
        assertTrue(s.contains("loss 290.000"), "the loss at the epoch's end: " + s);
        assertTrue(s.contains("\r"), "redrawn in place: " + s);
        assertEquals(2, s.chars().filter(c -> c == '\n').count(), "one finished line per epoch: " + s);
    }

    @Test
    void aFileGetsAPlainLineEveryTenthOfAnEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3, true, 6400, false);
        for (int step = 1; step <= 100; step++) {
            p.onStep(0, step, 100, 250.5);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(10, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("epoch 1/3   10%  step 10/100  loss 250\\.500  \\d+ samples/s"), lines.get(0));
        assertTrue(lines.get(9).startsWith("epoch 1/3  100%  step 100/100  loss 250.500  "), lines.get(9));
    }

    @Test
    void noProgressPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1, false, 100, true);
        for (int step = 1; step <= 50; step++) {
            p.onStep(0, step, 50, 1.0);
        }
        assertEquals(0, bytes.size());
    }

    /** A training step of a small model takes about a millisecond; the bar must cost far less. */
    @Test
    void aStepCostsMicroseconds() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ConsoleProgress p = new ConsoleProgress(sink, 1, true, 1_000_000L * 128, true);
        int steps = 1_000_000;
        for (int step = 1; step <= 20_000; step++) {
            p.onStep(0, step, steps, 1.0);
        }
        long start = System.nanoTime();
        for (int step = 20_001; step < steps; step++) {
            p.onStep(0, step, steps, 1.0);
        }
        double perStep = (System.nanoTime() - start) / 1e3 / (steps - 20_001);
        p.onStep(0, steps, steps, 1.0);
        assertTrue(perStep < 5, "microseconds per step: " + perStep);
    }
}
