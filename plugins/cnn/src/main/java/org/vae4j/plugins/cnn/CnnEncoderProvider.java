package org.vae4j.plugins.cnn;

import com.google.auto.service.AutoService;
import org.vae4j.api.Encoder;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.Provider;

/** {@code "encoder": {"type": "cnn", ...}}: images {@code [N, C*H*W]} to {@code [N, 2L]} (or {@code [N, L]}). */
@AutoService(Provider.class)
public final class CnnEncoderProvider extends AbstractProvider<Encoder, CnnConfig> {
    /** Registers the {@code cnn} encoder. */
    public CnnEncoderProvider() {
        super(Encoder.class, "cnn", CnnConfig.class,
                "strided convolutions from the images to the posterior parameters");
    }

    @Override
    public Encoder create(CnnConfig config, BuildContext context) {
        return new CnnEncoder(Cnn.encoder(config, context));
    }
}
