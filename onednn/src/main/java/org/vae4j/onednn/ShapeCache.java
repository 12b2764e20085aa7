package org.vae4j.onednn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What was built for each shape (primitives, their buffers), at most {@code capacity} of them, the
 * least recently used closed first. A shape oneDNN cannot serve is remembered as null, so that it
 * is not tried again on every call.
 *
 * @param <V> what is kept per shape
 */
final class ShapeCache<V extends AutoCloseable> {
    private final Map<String, V> entries;

    /** @param capacity the most entries kept */
    ShapeCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                if (eldest.getValue() != null) {
                    try {
                        eldest.getValue().close();
                    } catch (Exception e) {
                        // closing native handles does not fail; nothing to recover
                    }
                }
                return true;
            }
        };
    }

    /**
     * @param key   the shape
     * @param build builds the entry; a RuntimeException from it (oneDNN has no implementation)
     *              makes the entry null
     * @return the entry, or null if the shape cannot be served
     */
    V get(String key, Supplier<V> build) {
        if (entries.containsKey(key)) {
            return entries.get(key);
        }
        V v;
        try {
            v = build.get();
        } catch (RuntimeException e) {
            v = null;
        }
        entries.put(key, v);
        return v;
    }
}
