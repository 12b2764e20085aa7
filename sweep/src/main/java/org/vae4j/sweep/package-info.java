/**
 * {@code vae4j sweep}: a grid or random search over an experiment spec's values, each trial an
 * ordinary run folder trained by the runner in a process of its own, scheduled by Apache Spark
 * (embedded {@code local[N]} by default, or a cluster's master).
 */
package org.vae4j.sweep;
