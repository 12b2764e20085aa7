package org.vae4j.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trainer per run folder: a second claim, from this process or another, is refused naming
 * the holder; the claim ends with its holder, however that ends.
 */
class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondClaimIsRefusedUntilTheFirstEnds() throws IOException {
        RunLock first = RunLock.acquire(dir);
        assertEquals("pid " + ProcessHandle.current().pid(), Files.readString(dir.resolve(RunLock.FILE)).strip());
        RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> RunLock.acquire(dir));
        assertEquals(dir + " is being trained by another vae4j (pid " + ProcessHandle.current().pid() + "); wait for "
                + "it to finish, or stop it (its checkpoints stay) and resume with --resume", e.getMessage());
        first.close();
        assertFalse(Files.exists(dir.resolve(RunLock.FILE)), "the folder is left as it was");
        RunLock.acquire(dir).close();
    }

    /** Another process holds the lock (a POSIX lock, as Java's), then is killed: the folder is free. */
    @Test
    void anotherProcesssClaimIsRefusedAndEndsWithItsKill() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "needs python3 to hold a lock from another process");
        Path file = dir.resolve(RunLock.FILE);
        Process holder = new ProcessBuilder(python.toString(), "-c", "import fcntl, sys, time\n"
                + "f = open(sys.argv[1], 'w'); f.write('pid 4242\\n'); f.flush(); fcntl.lockf(f, fcntl.LOCK_EX)\n"
                + "print('locked', flush=True); time.sleep(60)", file.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", r.readLine());
            RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains("is being trained by another vae4j (pid 4242)"), e.getMessage());
            holder.destroyForcibly();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            RunLock.acquire(dir).close();
        } finally {
            holder.destroyForcibly();
        }
    }
}
