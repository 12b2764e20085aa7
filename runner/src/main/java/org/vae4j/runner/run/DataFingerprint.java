package org.vae4j.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vae4j.datasets.DataFormatException;

/**
 * The SHA-256 of each data file a run read, by file name, as recorded in {@code provenance.json}.
 * {@code --rerun} compares it with the data found now, so a rerun on different data stops with the
 * file and both hashes instead of quietly producing other numbers.
 */
public final class DataFingerprint {
    private final Map<String, String> byName;

    private DataFingerprint(Map<String, String> byName) {
        this.byName = byName;
    }

    /**
     * @param provenance the {@code provenance.json} of a run
     * @return the recorded hashes by file name
     */
    public static DataFingerprint of(JsonNode provenance) {
        Map<String, String> m = new LinkedHashMap<>();
        provenance.path("dataFiles").fields().forEachRemaining(e ->
                m.put(Path.of(e.getKey()).getFileName().toString(), e.getValue().asText()));
        return new DataFingerprint(m);
    }

    /**
     * @param found SHA-256 of the data files found now, by path
     * @throws DataFormatException naming the first file whose content differs from the recorded run
     */
    public void requireSame(Map<Path, String> found) {
        List<String> problems = new ArrayList<>();
        Path first = null;
        for (Map.Entry<Path, String> e : found.entrySet()) {
            String was = byName.get(e.getKey().getFileName().toString());
            if (was != null && !was.equals(e.getValue())) {
                problems.add(e.getKey() + " has SHA-256 " + e.getValue() + ", the original run read " + was);
                first = first == null ? e.getKey() : first;
            }
        }
        if (first != null) {
            throw new DataFormatException(first, -1, "the data differs from the run being repeated: "
                    + String.join("; ", problems));
        }
    }
}
