package org.vae4j.runner.run;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vae4j.api.model.Metrics;
import org.vae4j.engine.train.TrainingListener;

/**
 * Progress of an epoch on the console: on a terminal a progress bar (me.tongfei:progressbar) of
 * the epoch's images with the running loss and images per second, redrawn by its own thread at
 * most every {@value #REDRAW_MILLIS} ms; when output goes to a file, a plain line every tenth of
 * an epoch, so batch-system logs stay small. A training step only stores two numbers.
 *
 * <p>The bar is always given its width ({@link #terminalColumns()}). Left to itself, progressbar
 * asks JLine for the terminal's size, and JLine finds it by starting {@code stty} as a child
 * process: a training run then depends on the JVM's process-reaper thread, whose small stack
 * overflows when a library with a large static TLS block is preloaded (Debian's OpenBLAS
 * reserves 60 KB per thread), and the run hangs. No child process, no hang.
 */
final class ConsoleProgress implements TrainingListener {
    /** Least time between two redraws of the bar, and between two loss messages. */
    static final int REDRAW_MILLIS = 100;
    /** The system property the launcher sets to the terminal's width. */
    static final String COLUMNS_PROPERTY = "vae4j.columns";
    /** The width assumed when nobody says. */
    static final int DEFAULT_COLUMNS = 100;
    private final PrintStream out;
    private final int epochs;
    private final long examplesPerEpoch;
    private final boolean terminal;
    private final boolean enabled;
    private final int columns;
    private long started;
    private long lastPrint;
    private ProgressBar bar;
    private LineConsumer consumer;

    /**
     * @param out              where progress goes
     * @param epochs           epochs of the run
     * @param enabled          false for no progress at all (--no-progress: a line per epoch only)
     * @param examplesPerEpoch training images per epoch, for images per second
     */
    ConsoleProgress(PrintStream out, int epochs, boolean enabled, long examplesPerEpoch) {
        this(out, epochs, enabled, examplesPerEpoch, System.console() != null, terminalColumns());
    }

    ConsoleProgress(PrintStream out, int epochs, boolean enabled, long examplesPerEpoch, boolean terminal, int columns) {
        this.columns = Math.max(40, columns);
        this.out = out;
        this.epochs = epochs;
        this.enabled = enabled;
        this.examplesPerEpoch = Math.max(1, examplesPerEpoch);
        this.terminal = terminal;
    }

    /**
     * The terminal's width without asking the terminal: the launcher passes it as the system
     * property {@value #COLUMNS_PROPERTY} (it reads it with {@code stty}, outside the JVM); then
     * the {@code COLUMNS} variable; else {@value #DEFAULT_COLUMNS}.
     *
     * @return columns
     */
    static int terminalColumns() {
        for (String v : new String[] {System.getProperty(COLUMNS_PROPERTY), System.getenv("COLUMNS")}) {
            if (v != null && v.trim().matches("\\d{1,4}") && Integer.parseInt(v.trim()) > 0) {
                return Integer.parseInt(v.trim());
            }
        }
        return DEFAULT_COLUMNS;
    }

    @Override
    public void onStep(int epoch, long step, long steps, Metrics epochSoFar) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (step == 1) {
            started = now;
            lastPrint = 0;
        }
        if (terminal) {
            bar(epoch, step, steps, epochSoFar, now);
            return;
        }
        if (step != steps && step % Math.max(1, steps / 10) != 0) {
            return;
        }
        // the clock starts when step 1 ends, so the rate counts the images of the steps after it
        double secs = (now - started) / 1e9;
        String rate = step > 1 && secs > 0
                ? String.format(Locale.ROOT, "  %.0f samples/s", examplesPerEpoch * (step - 1) / (double) steps / secs)
                : "";
        out.println(String.format(Locale.ROOT, "epoch %d/%d  %3.0f%%  step %d/%d  %s%s",
                epoch + 1, epochs, 100.0 * step / steps, step, steps, losses(epochSoFar), rate));
        out.flush();
    }

    /**
     * @param figures the epoch's running sums
     * @return the losses to show: {@code loss 243.904}, or every {@code loss_*} (a GAN's
     *         {@code loss_d 1.213  loss_g 0.877})
     */
    static String losses(Metrics figures) {
        if (figures.has(Metrics.LOSS)) {
            return String.format(Locale.ROOT, "loss %.3f", figures.mean(Metrics.LOSS));
        }
        StringBuilder sb = new StringBuilder();
        for (String name : figures.names()) {
            if (name.startsWith(Metrics.LOSS + "_")) {
                sb.append(sb.length() == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%s %.3f", name,
                        figures.mean(name)));
            }
        }
        return sb.toString();
    }

    private void bar(int epoch, long step, long steps, Metrics figures, long now) {
        if (step == 1 || bar == null) {
            closeBar();
            // one column short of the width, so the cursor never wraps to a new line
            consumer = new LineConsumer(out, columns - 1);
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, epochs))
                    .setInitialMax(examplesPerEpoch)
                    .setUnit(" img", 1)
                    .showSpeed(new DecimalFormat("#", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(REDRAW_MILLIS)
                    .setConsumer(consumer)
                    .build();
        }
        bar.stepTo(step == steps ? examplesPerEpoch : examplesPerEpoch * step / steps);
        if (now - lastPrint >= REDRAW_MILLIS * 1_000_000L || step == steps) {
            lastPrint = now;
            bar.setExtraMessage(" " + losses(figures));
        }
        if (step == steps) {
            closeBar();
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            // progressbar 0.10.2 does not end the line of a bar closed before its first timed redraw
            if (!consumer.closed) {
                consumer.close();
            }
            bar = null;
            out.flush();
        }
    }

    /** The console consumer, remembering whether the bar ended its line. */
    private static final class LineConsumer extends ConsoleProgressBarConsumer {
        private volatile boolean closed;

        LineConsumer(PrintStream out, int width) {
            super(out, width);
        }

        @Override
        public void close() {
            closed = true;
            super.close();
        }
    }
}
