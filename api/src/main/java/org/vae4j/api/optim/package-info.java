/** The optimizer contract; optimizers are providers like any component. */
package org.vae4j.api.optim;
