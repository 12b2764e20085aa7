package org.vae4j.runner.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * One line for a file-system fault the user did not cause by a mistake of vae4j's: a read-only
 * folder, a full disk, a path through a file, a name too long. Java's exceptions name the path but
 * often not the cause ({@code AccessDeniedException: /x}); this names both.
 */
final class FileFaults {
    private FileFaults() {
    }

    /**
     * @param e the fault
     * @return e.g. {@code cannot write /runs/a/metrics.csv: permission denied}
     */
    static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof FileSystemException) {
                t = c;
                break;
            }
        }
        if (t instanceof FileSystemException f && f.getFile() != null) {
            String where = f.getFile() + (f.getOtherFile() != null ? " (to " + f.getOtherFile() + ")" : "");
            return "cannot use " + where + ": " + cause(f);
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "a file could not be read or written: " + msg + hint(msg);
    }

    private static String cause(FileSystemException f) {
        if (f instanceof AccessDeniedException) {
            return "permission denied (is the folder read-only?)";
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        String reason = f.getReason();
        if (reason == null) {
            return f.getClass().getSimpleName();
        }
        String r = reason.toLowerCase(Locale.ROOT);
        return (r.equals("not a directory") ? "a part of the path is a file, not a folder" : r) + hint(reason);
    }

    private static String hint(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("no space left")) {
            return " (the disk is full; earlier checkpoints are intact, free space and --resume)";
        }
        if (m.contains("file name too long")) {
            return " (shorten the run name or --out)";
        }
        if (m.contains("read-only file system")) {
            return " (choose another --out)";
        }
        return "";
    }
}
