package org.vae4j.engine.archfixture;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Violates "a spec never names a class": a configuration field whose JSON may name its class. */
public final class PolymorphicConfig {
    /** Bound with the class the JSON names in "@class". */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    public Object payload;
}
