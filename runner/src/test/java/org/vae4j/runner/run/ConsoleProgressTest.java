package org.vae4j.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vae4j.api.model.Metrics;

class ConsoleProgressTest {
    /** The running figures of an epoch whose mean loss is {@code mean}. */
    private static Metrics loss(double mean) {
        return new Metrics().sum(Metrics.LOSS, mean * 10, 10);
    }

    /** A GAN's figures show both of its losses. */
    @Test
    void everyLossOfAModelWithoutOneLossIsShown() {
        Metrics gan = new Metrics().sum("loss_d", 12.5, 10).sum("loss_g", 7.25, 10).sum("d_real", 5, 10);
        assertEquals("loss_d 1.250  loss_g 0.725", ConsoleProgress.losses(gan));
        assertEquals("loss 2.500", ConsoleProgress.losses(loss(2.5)));
    }

    @Test
    void aTerminalGetsABarWithLossAndImagesPerSecond() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleProgress p = new ConsoleProgress(out, 2, true, 1000, true, 120);
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int step = 1; step <= 10; step++) {
                p.onStep(epoch, step, 10, loss(300.0 - step));
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
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3, true, 6400, false, 120);
        for (int step = 1; step <= 100; step++) {
            p.onStep(0, step, 100, loss(250.5));
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(10, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("epoch 1/3   10%  step 10/100  loss 250\\.500  \\d+ samples/s"), lines.get(0));
        assertTrue(lines.get(9).startsWith("epoch 1/3  100%  step 100/100  loss 250.500  "), lines.get(9));
    }

    @Test
    void noProgressPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1, false, 100, true, 120);
        for (int step = 1; step <= 50; step++) {
            p.onStep(0, step, 50, loss(1.0));
        }
        assertEquals(0, bytes.size());
    }

    /**
     * The bar is given its width, so progressbar never builds a JLine terminal (which would start
     * {@code stty} as a child process: the hang of the reliability issue). progressbar keeps the
     * terminal it built in a static field; it must stay empty.
     */
    @Test
    void theBarNeverAsksTheTerminalForItsSize() throws Exception {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ConsoleProgress p = new ConsoleProgress(sink, 1, true, 12_800, true, 90);
        for (int step = 1; step <= 100; step++) {
            p.onStep(0, step, 100, loss(1.0));
        }
        Field terminal = Class.forName("me.tongfei.progressbar.TerminalUtils").getDeclaredField("terminal");
        terminal.setAccessible(true);
        assertNull(terminal.get(null), "progressbar built a JLine terminal");
    }

    @Test
    void barLinesFitTheGivenWidth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1, true,
                60_000, true, 60);
        for (int step = 1; step <= 10; step++) {
            p.onStep(0, step, 10, loss(123.456));
        }
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("[\\r\\n]")) {
            assertTrue(line.length() <= 59, "longer than the terminal: '" + line + "'");
        }
    }

    @Test
    void widthComesFromTheLauncherProperty() {
        String before = System.getProperty(ConsoleProgress.COLUMNS_PROPERTY);
        try {
            System.setProperty(ConsoleProgress.COLUMNS_PROPERTY, "133");
            assertEquals(133, ConsoleProgress.terminalColumns());
            System.setProperty(ConsoleProgress.COLUMNS_PROPERTY, "wide");
            int fallback = ConsoleProgress.terminalColumns();
            assertTrue(fallback >= 1 && fallback != 133, "a bad value is ignored: " + fallback);
        } finally {
            if (before == null) {
                System.clearProperty(ConsoleProgress.COLUMNS_PROPERTY);
            } else {
                System.setProperty(ConsoleProgress.COLUMNS_PROPERTY, before);
            }
        }
    }
}
