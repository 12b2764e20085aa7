/**
 * The built-in learning-rate schedules ({@code constant}, {@code step}, {@code exponential},
 * {@code cosine}), each with an optional linear warm-up over its first steps.
 */
package org.vae4j.engine.optim.schedule;
