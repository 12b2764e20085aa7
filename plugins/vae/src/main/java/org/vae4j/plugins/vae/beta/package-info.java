/**
 * The built-in beta schedules, the weight of the KL term during training: {@code constant} and
 * {@code linear} (annealing from 0 to a target).
 */
package org.vae4j.plugins.vae.beta;
