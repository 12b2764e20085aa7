package org.vae4j.runner.cli;

import com.beust.jcommander.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The per-run flags of seed 002 ({@code --loss-mode}, {@code --latent-size}, {@code --target-beta},
 * {@code --beta-mode}) as edits of the spec's JSON made before it is checked, so a value out of
 * range is reported at its JSON path like any other ({@code --latent-size 0} gives
 * {@code $.model.latentDim: must be from 1 to 1000000, got 0}) and the run's {@code spec.json}
 * records what was trained.
 */
public final class SpecOverrides {
    @Parameter(names = "--loss-mode", description = "ae (objective.type autoencoder) or vae (objective.type elbo)")
    String lossMode;

    @Parameter(names = "--latent-size", description = "Override model.latentDim")
    Integer latentSize;

    @Parameter(names = "--target-beta",
            description = "Override the beta schedule's value (constant) or target (linear)")
    Double targetBeta;

    @Parameter(names = "--beta-mode", description = "The beta schedule's type: constant or linear "
            + "(the spec's value or target carries over)")
    String betaMode;

    /**
     * Writes the flags into a spec tree. Sections that are not JSON objects are left alone for the
     * parser to report.
     *
     * @param root the spec's root object, changed in place
     * @throws UsageException for a --loss-mode other than ae or vae, or a --target-beta for a
     *                        schedule that is neither constant nor linear
     */
    void apply(ObjectNode root) {
        if (lossMode != null) {
            String type = switch (lossMode.toLowerCase(Locale.ROOT)) {
                case "ae" -> "autoencoder";
                case "vae" -> "elbo";
                default -> throw new UsageException("--loss-mode must be ae (autoencoder) or vae (ELBO), got '"
                        + lossMode + "'");
            };
            ObjectNode objective = section(root, "objective");
            if (objective != null) {
                objective.put("type", type);
            }
        }
        if (latentSize != null) {
            ObjectNode model = section(root, "model");
            if (model != null) {
                model.put("latentDim", latentSize);
            }
        }
        if (betaMode != null || targetBeta != null) {
            ObjectNode objective = section(root, "objective");
            if (objective != null) {
                beta(objective);
            }
        }
    }

    private void beta(ObjectNode objective) {
        JsonNode old = objective.get("beta");
        ObjectNode current = old instanceof ObjectNode o ? o : null;
        if (old != null && !old.isNull() && current == null) {
            return; // not an object: the parser says so at $.objective.beta
        }
        String oldType = current != null && current.path("type").isTextual() ? current.get("type").asText() : "constant";
        String type = betaMode != null ? betaMode : oldType;
        Double value = targetBeta;
        if (value == null && current != null) {
            JsonNode v = current.get(valueField(oldType));
            value = v != null && v.isNumber() ? v.asDouble() : null;
        }
        if (targetBeta != null && valueField(type) == null) {
            throw new UsageException("--target-beta sets the value of a constant or the target of a linear beta "
                    + "schedule; the schedule here is '" + type + "'");
        }
        ObjectNode beta;
        if (current != null && type.equals(oldType)) {
            beta = current;
        } else {
            beta = objective.objectNode();
            beta.put("type", type);
            objective.set("beta", beta);
        }
        if (value != null && valueField(type) != null) {
            beta.put(valueField(type), value);
        }
    }

    /** @return the field holding beta in the built-in schedules, null for another type */
    private static String valueField(String type) {
        return switch (type) {
            case "constant" -> "value";
            case "linear" -> "target";
            default -> null;
        };
    }

    private static ObjectNode section(ObjectNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return root.putObject(field);
        }
        return n instanceof ObjectNode o ? o : null;
    }
}
