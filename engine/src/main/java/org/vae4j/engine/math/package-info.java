/** Numerical functions components share (the normal quantile); part of the plugin SDK. */
package org.vae4j.engine.math;
