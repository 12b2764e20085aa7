package org.vae4j.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Reads the {@code spec.json} of a run written by an earlier vae4j, so eval, --resume, --rerun and
 * the picture commands keep working on it. vae4j 0.1 resolved every optimizer field for every
 * optimizer type (momentum for Adam, moments for SGD); each optimizer now has only its own fields,
 * so the ones it never used, at their defaults, are dropped.
 */
public final class SpecMigration {
    private SpecMigration() {
    }

    /**
     * @param spec a run's resolved spec, changed in place
     * @return the same object
     */
    public static ObjectNode upgrade(ObjectNode spec) {
        if (spec.get("optimizer") instanceof ObjectNode o) {
            String type = o.path("type").asText("");
            List<String> unused = switch (type) {
                case "adam", "adamax" -> List.of("momentum");
                case "sgd" -> List.of("beta1", "beta2", "epsilon");
                default -> List.of();
            };
            for (String f : unused) {
                JsonNode v = o.get(f);
                boolean atDefault = v != null && v.isNumber() && switch (f) {
                    case "momentum" -> v.asDouble() == 0;
                    case "beta1" -> v.asDouble() == 0.9;
                    case "beta2" -> v.asDouble() == 0.999;
                    default -> v.asDouble() == 1e-8;
                };
                if (atDefault) {
                    o.remove(f);
                }
            }
        }
        return spec;
    }
}
