package org.vae4j.datasets;

import java.nio.file.Path;

/**
 * A data file whose content does not match its format. The message always starts with the file
 * and says at which byte the problem is and what was expected there, so a user can tell a
 * truncated download from a wrong file without a hex editor.
 *
 * <p>For gzip-compressed files the offset counts bytes of the decompressed stream (the message
 * says "decompressed byte offset"), since that is where the format's structure lives.
 */
public class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The file at fault; not serialized, since {@link Path} is not serializable. */
    private final transient Path file;
    /** The byte offset at fault, or -1. */
    private final long offset;

    /**
     * @param file   the file at fault
     * @param offset the byte offset at fault, or -1 if the problem has no single position
     * @param detail what is wrong and what was expected; the file is prefixed to it
     */
    public DataFormatException(Path file, long offset, String detail) {
        this(file, offset, detail, null);
    }

    /**
     * @param file   the file at fault
     * @param offset the byte offset at fault, or -1 if the problem has no single position
     * @param detail what is wrong and what was expected; the file is prefixed to it
     * @param cause  the underlying I/O error, if any
     */
    public DataFormatException(Path file, long offset, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = file;
        this.offset = offset;
    }

    /** @return the file at fault */
    public Path file() {
        return file;
    }

    /**
     * @return the byte offset at fault (in the decompressed stream for gzip files), or -1 if the
     *         problem has no single position, such as a count mismatch between two files
     */
    public long offset() {
        return offset;
    }
}
