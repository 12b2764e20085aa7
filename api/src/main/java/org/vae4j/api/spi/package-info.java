/**
 * The provider SPI: how a plugin jar makes an encoder, decoder, prior, likelihood or beta schedule
 * available under a stable name that JSON specs can use.
 *
 * <p>A plugin implements {@link org.vae4j.api.spi.Provider}, annotates the class with
 * {@code @AutoService(Provider.class)} and ships it in a jar. The runner discovers providers with
 * {@link java.util.ServiceLoader}; a spec names a provider by its {@linkplain Provider#type() type}
 * only, never by a Java class name.
 */
package org.vae4j.api.spi;
