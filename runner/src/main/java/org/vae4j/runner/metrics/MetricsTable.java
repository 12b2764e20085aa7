package org.vae4j.runner.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A run's {@code metrics.csv} as read back by {@link MetricsCsv#read}: the header and a row of
 * cells per epoch.
 *
 * @param header the column names
 * @param rows   the cells of each row, as written
 */
public record MetricsTable(List<String> header, List<List<String>> rows) {

    /**
     * @param csv {@code metrics.csv}; a missing file gives an empty table
     * @return the table
     * @throws IOException if the file cannot be read
     */
    static MetricsTable read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return new MetricsTable(List.of(), List.of());
        }
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            return new MetricsTable(List.of(), List.of());
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(Arrays.asList(line.split(",", -1)));
            }
        }
        return new MetricsTable(header, rows);
    }

    /**
     * @param row    a row index
     * @param column a column name
     * @return the cell's number, empty if the column is missing or the cell is empty
     */
    public OptionalDouble number(int row, String column) {
        int c = header.indexOf(column);
        if (c < 0 || c >= rows.get(row).size() || rows.get(row).get(c).isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(rows.get(row).get(c)));
    }

    /**
     * @param row    a row index
     * @param column a column name
     * @return the cell as written, empty if the column is missing
     */
    public String cell(int row, String column) {
        int c = header.indexOf(column);
        return c < 0 || c >= rows.get(row).size() ? "" : rows.get(row).get(c);
    }

    /**
     * @param column a column name
     * @return whether some row has a value in it
     */
    public boolean hasValues(String column) {
        for (int r = 0; r < rows.size(); r++) {
            if (number(r, column).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
