package org.vae4j.runner.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vae4j.api.model.MetricInfo;
import org.vae4j.api.model.Metrics;
import org.vae4j.engine.io.AtomicFiles;
import org.vae4j.engine.train.EpochResult;

/**
 * {@code metrics.csv}, written and read here only: one row per epoch with whatever figures the
 * model reports ({@link MetricInfo}): its settings (beta), then each figure per split as
 * {@code <split>_<name>} ({@code train_neg_elbo}, {@code validation_loss_d}), then the time and
 * speed of the epoch. Means per example (bits per dimension in bits per dimension); empty cells
 * where a split or figure is absent. The whole file is rewritten atomically each epoch so a reader
 * never sees half a row.
 */
public final class MetricsCsv {
    /** The splits, in column order. */
    public static final List<String> SPLITS = List.of("train", "validation", "test");
    /** The column of the epoch, counted from 1. */
    public static final String EPOCH = "epoch";
    /** The column of the training time of an epoch. */
    public static final String SECONDS = "seconds";
    /** The column of the training speed of an epoch. */
    public static final String SPEED = "train_samples_per_s";
    /** The column of the importance-weighted NLL of the test split ({@code training.iwEvery}). */
    public static final String TEST_IW_NLL = "test_iw_nll";
    private final Path file;
    private final List<MetricInfo> metrics;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param file       {@code metrics.csv}; rows already in it are kept (for resumed runs)
     * @param metrics    the model's figures
     * @param keepEpochs keep only rows of epochs up to this (a resumed run drops later rows)
     * @throws IOException if the existing file cannot be read
     */
    public MetricsCsv(Path file, List<MetricInfo> metrics, int keepEpochs) throws IOException {
        this(file, metrics, List.of(), keepEpochs);
    }

    /**
     * @param file       {@code metrics.csv}; rows already in it are kept (for resumed runs)
     * @param metrics    the model's figures
     * @param extra      columns the run adds before the time, filled by {@link #append(EpochResult, Metrics, Map)}
     *                   (e.g. {@link #TEST_IW_NLL})
     * @param keepEpochs keep only rows of epochs up to this (a resumed run drops later rows)
     * @throws IOException if the existing file cannot be read
     */
    public MetricsCsv(Path file, List<MetricInfo> metrics, List<String> extra, int keepEpochs) throws IOException {
        this.file = file;
        this.metrics = List.copyOf(metrics);
        List<String> h = new ArrayList<>(header(metrics));
        h.addAll(h.size() - 2, extra);
        this.header = List.copyOf(h);
        MetricsTable old = read(file);
        for (int r = 0; r < old.rows().size(); r++) {
            if (old.number(r, EPOCH).orElse(Double.MAX_VALUE) <= keepEpochs) {
                List<String> row = new ArrayList<>();
                for (String column : header) {
                    row.add(old.cell(r, column));
                }
                rows.add(row);
            }
        }
    }

    /**
     * @param split  {@code train}, {@code validation} or {@code test}
     * @param metric a figure's name
     * @return its column, e.g. {@code validation_neg_elbo}
     */
    public static String column(String split, String metric) {
        return split + "_" + metric;
    }

    /**
     * @param metrics a model's figures
     * @return the columns of its metrics.csv
     */
    public static List<String> header(List<MetricInfo> metrics) {
        List<String> h = new ArrayList<>();
        h.add(EPOCH);
        metrics.stream().filter(m -> m.kind() == MetricInfo.Kind.SETTING).forEach(m -> h.add(m.name()));
        for (String split : SPLITS) {
            for (MetricInfo m : metrics) {
                if (m.kind() != MetricInfo.Kind.SETTING && (split.equals("train") || !m.trainingOnly())) {
                    h.add(column(split, m.name()));
                }
            }
        }
        h.add(SECONDS);
        h.add(SPEED);
        return h;
    }

    /**
     * @param csv a run's {@code metrics.csv}; a missing file gives an empty table
     * @return its header and rows
     * @throws IOException if the file cannot be read
     */
    public static MetricsTable read(Path csv) throws IOException {
        return MetricsTable.read(csv);
    }

    /**
     * Adds an epoch's row and rewrites the file.
     *
     * @param r    the epoch
     * @param test the test split's figures after the epoch, or null
     * @throws IOException if the file cannot be written
     */
    public void append(EpochResult r, Metrics test) throws IOException {
        append(r, test, Map.of());
    }

    /**
     * Adds an epoch's row and rewrites the file.
     *
     * @param r     the epoch
     * @param test  the test split's figures after the epoch, or null
     * @param extra values of the extra columns this epoch has (the others stay empty)
     * @throws IOException if the file cannot be written
     */
    public void append(EpochResult r, Metrics test, Map<String, Double> extra) throws IOException {
        List<String> row = new ArrayList<>();
        for (String column : header) {
            Double v = extra.get(column);
            row.add(v != null ? num(v) : cell(column, r, test));
        }
        rows.add(row);
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        rows.forEach(cells -> sb.append(String.join(",", cells)).append('\n'));
        AtomicFiles.writeString(file, sb.toString());
    }

    private String cell(String column, EpochResult r, Metrics test) {
        if (column.equals(EPOCH)) {
            return Integer.toString(r.epoch() + 1);
        }
        if (column.equals(SECONDS)) {
            return String.format(Locale.ROOT, "%.3f", r.trainSeconds());
        }
        if (column.equals(SPEED)) {
            return String.format(Locale.ROOT, "%.1f", r.samplesPerSecond());
        }
        for (MetricInfo m : metrics) {
            if (m.kind() == MetricInfo.Kind.SETTING && column.equals(m.name())) {
                return num(m.of(r.train()));
            }
            for (String split : SPLITS) {
                if (column.equals(column(split, m.name()))) {
                    Metrics figures = switch (split) {
                        case "train" -> r.train();
                        case "validation" -> r.validation();
                        default -> test;
                    };
                    return figures == null ? "" : num(m.of(figures));
                }
            }
        }
        return "";
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.6f", d);
    }
}
