/**
 * The provider SPI: how a plugin jar makes a component (an encoder, a likelihood, a whole model
 * family, an optimizer, a command, or a kind of its own) available under a stable name that JSON
 * specs can use, and declares the {@linkplain org.vae4j.api.spi.Slot slots} it is made of.
 *
 * <p>A plugin implements {@link org.vae4j.api.spi.Provider}, annotates the class with
 * {@code @AutoService(Provider.class)} and ships it in a jar. The runner discovers providers with
 * {@link java.util.ServiceLoader}; a spec names a provider by its {@linkplain Provider#type() type}
 * only, never by a Java class name.
 */
package org.vae4j.api.spi;
