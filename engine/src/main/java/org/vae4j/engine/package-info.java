/**
 * The core of vae4j, which knows no particular model.
 *
 * <p>The plugin SDK, what a plugin author builds with: {@code layers} (and {@code layers.conv},
 * {@code layers.norm}) with explicit backward passes, {@code init}, {@code gradcheck},
 * {@code random} and {@code math}. Everything else is the engine's own and plugins must not use it (an ArchUnit rule
 * says so): {@code params} (flat parameter vectors per group), {@code optim} (the built-in
 * optimizers, registered as providers), {@code train} (the training loop over any
 * {@link org.vae4j.api.model.Model}'s phases and groups, and evaluation), {@code checkpoint} and
 * {@code io}.
 */
package org.vae4j.engine;
