/** Subcommands of {@code vae4j} that plugins contribute. */
package org.vae4j.api.command;
