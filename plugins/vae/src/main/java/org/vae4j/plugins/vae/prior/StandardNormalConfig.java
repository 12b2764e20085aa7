package org.vae4j.plugins.vae.prior;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/** Configuration of the {@code standard-normal} prior: it has no fields ({@code {"type": "standard-normal"}}). */
@JsonAutoDetect // a known Jackson annotation lets this empty class serialize as {} instead of failing
public final class StandardNormalConfig {
}
