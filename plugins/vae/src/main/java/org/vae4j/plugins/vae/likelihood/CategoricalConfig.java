package org.vae4j.plugins.vae.likelihood;

import org.vae4j.api.spi.ConfigException;

/** Configuration of the {@code categorical} likelihood, e.g. {@code {"type": "categorical", "levels": 16}}. */
public final class CategoricalConfig {
    /** The largest number of levels accepted: 8-bit data. */
    public static final int MAX_LEVELS = 256;

    /** K, the number of levels per dimension (16 for 4-bit pictures), 2..256. */
    public int levels = 16;

    /** @throws ConfigException naming the first field out of range */
    public void validate() {
        ConfigException.require(levels >= 2 && levels <= MAX_LEVELS, "levels",
                "must be in 2.." + MAX_LEVELS + ", got " + levels);
    }
}
