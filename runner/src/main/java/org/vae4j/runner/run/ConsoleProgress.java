package org.vae4j.runner.run;

import java.io.PrintStream;
import java.util.Locale;
import org.vae4j.engine.train.TrainingListener;

/**
 * Progress of an epoch on the console: an updating line on a terminal, or a plain line every
 * tenth of an epoch when output goes to a file, so batch-system logs stay small.
 */
final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private final int epochs;
    private final boolean terminal;
    private final boolean enabled;
    private long started;
    private long lastPrint;

    ConsoleProgress(PrintStream out, int epochs, boolean enabled) {
        this.out = out;
        this.epochs = epochs;
        this.enabled = enabled;
        this.terminal = System.console() != null;
    }

    @Override
    public void onStep(int epoch, long step, long steps, double meanLoss) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (step == 1) {
            started = now;
        }
        boolean due = terminal ? now - lastPrint > 250_000_000L || step == steps
                : step == steps || step % Math.max(1, steps / 10) == 0;
        if (!due) {
            return;
        }
        lastPrint = now;
        // the clock starts when step 1 ends, so the rate counts the steps after it
        double secs = (now - started) / 1e9;
        String rate = step > 1 && secs > 0 ? String.format(Locale.ROOT, "  %.0f steps/s", (step - 1) / secs) : "";
        String line = String.format(Locale.ROOT, "epoch %d/%d  %3.0f%%  step %d/%d  loss %.3f%s",
                epoch + 1, epochs, 100.0 * step / steps, step, steps, meanLoss, rate);
        if (terminal) {
            out.print("\r" + line + (step == steps ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
