/** ND4J random streams of their own, seeded by {@link org.vae4j.api.random.Seeds}; part of the plugin SDK. */
package org.vae4j.engine.random;
