package org.vae4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void createsANewFile() throws IOException {
        Path target = dir.resolve("new.bin");

        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2, 3}));

        assertEquals(List.of(target), listDir());
        assertEquals(3, Files.size(target));
    }

    @Test
    void replacesTheContentOfAnExistingFile() throws IOException {
        Path target = Files.writeString(dir.resolve("config.json"), "{\"old\": true, \"longer than the new one\": 1}");

        AtomicFiles.writeString(target, "{\"β\": \"VAE ✓\"}");

        assertEquals("{\"β\": \"VAE ✓\"}", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void writesToAHiddenTemporarySiblingUntilTheBodyReturns() throws IOException {
        Path target = Files.writeString(dir.resolve("ckpt.npz"), "old");

        AtomicFiles.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            out.flush();
            List<Path> during = listDir();
            assertEquals(2, during.size());
            Path temp = during.stream().filter(p -> !p.equals(target)).findFirst().orElseThrow();
            assertTrue(temp.getFileName().toString().matches("\\.ckpt\\.npz\\.tmp-[0-9a-z]+"), temp.toString());
            assertEquals("new", Files.readString(temp));
            assertEquals("old", Files.readString(target));
        });

        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void leavesTheOldContentAndNoTemporaryFileWhenTheBodyFailsMidway() throws IOException {
        Path target = Files.writeString(dir.resolve("ckpt.npz"), "old content");
        IOException failure = new IOException("disk full");

        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);  // more than the buffer, so the temporary file has data
            throw failure;
        }));

        // named with the file, the cause kept: "ckpt.npz: disk full"
        assertSame(failure, thrown.getCause());
        assertEquals(target.toAbsolutePath() + ": disk full", thrown.getMessage());
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void cleansUpAfterAnUncheckedFailureToo() throws IOException {
        Path target = dir.resolve("never.json");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));

        assertEquals("bug", thrown.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listDir());
    }

    @Test
    void allowsTheBodyToCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.txt");

        AtomicFiles.write(target, out -> {
            out.write('x');
            out.close();
        });

        assertEquals("x", Files.readString(target));
    }

    @Test
    void failsWithoutATraceWhenTheDirectoryIsMissing() throws IOException {
        Path target = dir.resolve("missing").resolve("file.txt");

        assertThrows(NoSuchFileException.class, () -> AtomicFiles.writeString(target, "x"));

        assertEquals(List.of(), listDir());
    }

    @Test
    void givesTheFileTheUsualPermissionsNotPrivateTempFileOnes() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path atomic = dir.resolve("atomic.txt");

        AtomicFiles.writeString(atomic, "x");

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
