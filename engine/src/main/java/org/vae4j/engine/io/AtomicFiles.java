package org.vae4j.engine.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers, and the file after a crash, see either the old content or the
 * whole new content, never a mixture or a truncated file.
 *
 * <p>The content goes to a temporary file {@code .<name>.tmp-<random>} in the target's directory
 * (the same file system, so the rename below cannot turn into a copy), which is flushed and
 * fsynced, then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}; finally the
 * directory is fsynced so the rename itself survives a crash, where the OS allows opening a
 * directory. If anything fails the temporary file is deleted and the target is left untouched.
 */
public final class AtomicFiles {
    private static final String TEMP_INFIX = ".tmp-";
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int NAME_ATTEMPTS = 16;

    private AtomicFiles() {
    }

    /**
     * Atomically replaces (or creates) {@code target} with what {@code body} writes.
     *
     * <p>The stream given to {@code body} is buffered; {@code body} need not close it, and closing
     * it only flushes it.
     *
     * @param target the file to write; its directory must exist
     * @param body   writes the content
     * @throws IOException if {@code body} or the file system fails; the target is then unchanged
     * @throws java.nio.file.AtomicMoveNotSupportedException if the file system cannot rename
     *                                                       atomically
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Objects.requireNonNull(body, "body");
        Path absolute = Objects.requireNonNull(target, "target").toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IOException("not a file path: " + target);
        }
        Path temp = createTemp(dir, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
                body.accept(new UnclosableOutputStream(buffered));
                buffered.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            if (t instanceof IOException io && !(t instanceof java.nio.file.FileSystemException)) {
                // an encoder's "I/O error writing PNG file!" names neither the file nor the cause
                java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(absolute.toString(),
                        null, innermostMessage(io));
                named.initCause(io);
                throw named;
            }
            throw t;
        }
        syncDirectory(dir);
    }

    /** @return the message of the innermost cause that has one ("No space left on device") */
    private static String innermostMessage(Throwable t) {
        String m = t.getMessage();
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null) {
                m = c.getMessage();
            }
        }
        return m;
    }

    /**
     * Atomically replaces (or creates) {@code target} with {@code content} encoded as UTF-8.
     *
     * @param target  the file to write; its directory must exist
     * @param content the text
     * @throws IOException if the file system fails; the target is then unchanged
     */
    public static void writeString(Path target, String content) throws IOException {
        Objects.requireNonNull(content, "content");
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path temp = dir.resolve("." + name + TEMP_INFIX
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                // createFile, not createTempFile, so the file gets the umask's permissions rather than 0600
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            // some systems (Windows) cannot open a directory; the rename is atomic there regardless
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** Keeps {@code body} from closing the channel before it is fsynced. */
    private static final class UnclosableOutputStream extends FilterOutputStream {
        UnclosableOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            // FilterOutputStream would write byte by byte
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
