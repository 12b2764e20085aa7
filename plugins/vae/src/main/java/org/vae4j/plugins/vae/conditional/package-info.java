/**
 * The conditional VAE's one mechanism: networks that see a class label as a one-hot vector next
 * to their input ({@code "model": {"conditional": true, ...}}).
 */
package org.vae4j.plugins.vae.conditional;
