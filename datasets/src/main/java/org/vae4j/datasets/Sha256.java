package org.vae4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, as lower-case hex: data files, plugin jars, checkpoints. */
public final class Sha256 {
    private Sha256() {
    }

    /** @return a fresh SHA-256 digest; every Java platform must provide one */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /**
     * @param file a file
     * @return its SHA-256 as 64 lower-case hex digits
     * @throws UncheckedIOException naming the file, if it cannot be read
     */
    public static String of(Path file) {
        MessageDigest md = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file + ": " + e, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
