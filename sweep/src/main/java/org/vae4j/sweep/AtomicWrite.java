package org.vae4j.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary one renamed into place, so a reader never sees half of it.
 * (The runner's {@code AtomicFiles} is in the engine, which this module does not load: it knows
 * vae4j only as a program.)
 */
final class AtomicWrite {
    private AtomicWrite() {
    }

    static void text(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
