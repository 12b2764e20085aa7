package org.vae4j.api.model;

import java.util.Map;
import org.vae4j.api.Layer;

/** A model whose networks can be looked at from outside, e.g. by a deconvnet visualization. */
public interface HasNetworks {

    /** @return the model's networks by name ({@code encoder}, {@code generator}, ...), in order */
    Map<String, Layer> networks();
}
