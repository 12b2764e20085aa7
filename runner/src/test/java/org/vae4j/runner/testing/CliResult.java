package org.vae4j.runner.testing;

/**
 * What one in-process run of the vae4j command produced.
 *
 * @param code the exit code
 * @param out  standard output, line ends normalized to \n
 * @param err  standard error, line ends normalized to \n
 */
public record CliResult(int code, String out, String err) {
    @Override
    public String toString() {
        return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
