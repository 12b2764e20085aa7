package org.vae4j.runner.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vae4j.engine.io.AtomicFiles;
import org.vae4j.engine.model.BatchLoss;
import org.vae4j.engine.model.Metrics;
import org.vae4j.engine.train.EpochResult;

/**
 * {@code metrics.csv}: one row per epoch. Figures are means per example in nats (bpd in bits per
 * dimension), the negative ELBO always at beta = 1; empty cells where a split is absent. The
 * whole file is rewritten atomically each epoch so a reader never sees half a row.
 */
public final class MetricsCsv {
    /** The header row. */
    public static final String HEADER = "epoch,beta,train_neg_elbo,train_reconstruction,train_kl,train_bpd,"
            + "validation_neg_elbo,validation_reconstruction,validation_kl,validation_bpd,"
            + "test_neg_elbo,test_bpd,seconds,train_samples_per_s";
    private final Path file;
    private final long dims;
    private final List<String> rows = new ArrayList<>();

    /**
     * @param file {@code metrics.csv}; rows already in it are kept (for resumed runs)
     * @param dims data dimensions, for bits per dimension
     * @param keepEpochs keep only rows of epochs up to this (a resumed run drops later rows)
     * @throws IOException if the existing file cannot be read
     */
    public MetricsCsv(Path file, long dims, int keepEpochs) throws IOException {
        this.file = file;
        this.dims = dims;
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i);
                if (!l.isBlank() && Integer.parseInt(l.substring(0, l.indexOf(','))) <= keepEpochs) {
                    rows.add(l);
                }
            }
        }
    }

    /**
     * Adds an epoch's row and rewrites the file.
     *
     * @param r    the epoch
     * @param test the test split's sums after the epoch, or null
     * @throws IOException if the file cannot be written
     */
    public void append(EpochResult r, BatchLoss test) throws IOException {
        BatchLoss t = r.train();
        BatchLoss v = r.validation();
        rows.add(String.join(",",
                Integer.toString(r.epoch() + 1), num(r.beta()),
                num(t.meanNegativeElbo()), num(t.meanReconstruction()), num(t.meanKl()),
                num(Metrics.bitsPerDimension(t.meanNegativeElbo(), dims)),
                v == null ? "" : num(v.meanNegativeElbo()), v == null ? "" : num(v.meanReconstruction()),
                v == null ? "" : num(v.meanKl()),
                v == null ? "" : num(Metrics.bitsPerDimension(v.meanNegativeElbo(), dims)),
                test == null ? "" : num(test.meanNegativeElbo()),
                test == null ? "" : num(Metrics.bitsPerDimension(test.meanNegativeElbo(), dims)),
                String.format(Locale.ROOT, "%.3f", r.trainSeconds()),
                String.format(Locale.ROOT, "%.1f", r.samplesPerSecond())));
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> sb.append(row).append('\n'));
        AtomicFiles.writeString(file, sb.toString());
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }
}
