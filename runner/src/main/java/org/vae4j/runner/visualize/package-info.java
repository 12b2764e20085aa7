/**
 * {@code vae4j visualize}: Zeiler-Fergus activation visualisations (seed 004) of AlexNet's
 * features or of a trained model's encoder, as a PNG of the input and the visualisations side by side.
 */
package org.vae4j.runner.visualize;
