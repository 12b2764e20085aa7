package org.vae4j.plugins.vae.posterior;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/** Configuration of the {@code gaussian} posterior: it has no fields ({@code {"type": "gaussian"}}). */
@JsonAutoDetect // a known Jackson annotation lets this empty class serialize as {} instead of failing
public final class GaussianPosteriorConfig {
}
