package org.vae4j.runner.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vae4j.runner.cli.Cli;

/** Runs the vae4j command in this JVM through {@link Cli#run}, capturing both streams. */
public final class Vae4j {
    private Vae4j() {
    }

    /**
     * @param args the arguments; {@link Path}s and other objects are turned into strings
     * @return exit code and output
     */
    public static CliResult run(Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            a.add(String.valueOf(o));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(a.toArray(String[]::new), o, e);
        }
        return new CliResult(code, normalize(out), normalize(err));
    }

    private static String normalize(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
