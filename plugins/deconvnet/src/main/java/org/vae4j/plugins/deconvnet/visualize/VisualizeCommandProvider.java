package org.vae4j.plugins.deconvnet.visualize;

import com.google.auto.service.AutoService;
import org.vae4j.api.command.Command;
import org.vae4j.api.spi.AbstractProvider;
import org.vae4j.api.spi.BuildContext;
import org.vae4j.api.spi.NoConfig;
import org.vae4j.api.spi.Provider;

/** Contributes {@code vae4j visualize} to the command line. */
@AutoService(Provider.class)
public final class VisualizeCommandProvider extends AbstractProvider<Command, NoConfig> {
    /** Registers {@code visualize}. */
    public VisualizeCommandProvider() {
        super(Command.class, "visualize", NoConfig.class,
                "show a layer's top-k activations in input space (Zeiler-Fergus deconvnet, seed 004)");
    }

    @Override
    public Command create(NoConfig config, BuildContext context) {
        return new VisualizeCommand();
    }
}
