/** A run's figures on disk: {@code metrics.csv} and {@code per-example-neg-elbo.csv}, written and read here only. */
package org.vae4j.runner.metrics;
