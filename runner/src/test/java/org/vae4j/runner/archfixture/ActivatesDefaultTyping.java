package org.vae4j.runner.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

/** Violates "a spec never names a class": Jackson's default typing reads class names from JSON. */
public final class ActivatesDefaultTyping {
    /** @return a mapper that would bind any class a JSON document names */
    public ObjectMapper mapper() {
        return new ObjectMapper().activateDefaultTyping(LaissezFaireSubTypeValidator.instance);
    }
}
