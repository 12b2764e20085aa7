/** The training loop of any model: phases, parameter groups, optimizers, evaluation. Internal to the engine. */
package org.vae4j.engine.train;
