package org.vae4j.runner.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vae4j.engine.io.AtomicFiles;

/**
 * {@code per-example-neg-elbo.csv}: the negative ELBO of each of a fixed set of test images after
 * every epoch ({@code epoch,example,neg_elbo}), the dots a learning curve draws behind its epoch
 * means. The whole file is rewritten atomically; rows of the epoch written and of later epochs
 * (left by a run that is being resumed) are replaced.
 */
public final class PerExampleLosses {
    /** The file's name in a run folder. */
    public static final String FILE = "per-example-neg-elbo.csv";
    /** The header row. */
    public static final String HEADER = "epoch,example,neg_elbo";

    private PerExampleLosses() {
    }

    /**
     * @param file   the CSV file
     * @param epoch  the epoch, counted from 1
     * @param values the negative ELBO of example 0, 1, ...
     * @throws IOException if it cannot be read or written
     */
    public static void write(Path file, int epoch, double[] values) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<Integer, double[]> e : read(file).entrySet()) {
            if (e.getKey() < epoch) {
                append(sb, e.getKey(), e.getValue());
            }
        }
        append(sb, epoch, values);
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * @param file the CSV file; a missing file gives no epochs
     * @return the values of each epoch, by epoch
     * @throws IOException if it cannot be read
     */
    public static TreeMap<Integer, double[]> read(Path file) throws IOException {
        TreeMap<Integer, List<Double>> lists = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                if (cells.length == 3) {
                    lists.computeIfAbsent(Integer.parseInt(cells[0]), k -> new ArrayList<>())
                            .add(Double.parseDouble(cells[2]));
                }
            }
        }
        TreeMap<Integer, double[]> out = new TreeMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private static void append(StringBuilder sb, int epoch, double[] values) {
        for (int i = 0; i < values.length; i++) {
            sb.append(epoch).append(',').append(i).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", values[i])).append('\n');
        }
    }
}
