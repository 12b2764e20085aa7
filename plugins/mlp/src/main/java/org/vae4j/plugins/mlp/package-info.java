/**
 * Multi-layer perceptron encoders and decoders ({@code "type": "mlp"}): dense layers with a
 * nonlinearity between them, e.g. seed 003's 784-400-20 and seed 004's 784-400-(2x20).
 */
package org.vae4j.plugins.mlp;
