package org.vae4j.plugins.vae.likelihood;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/** Configuration of the {@code binomial} likelihood: it has no fields ({@code {"type": "binomial"}}). */
@JsonAutoDetect // a known Jackson annotation lets this empty class serialize as {} instead of failing
public final class BinomialConfig {
}
