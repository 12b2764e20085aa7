package org.vae4j.onednn.archfixture;

/** Stands in for a class of the oneDNN module, so that a fixture can depend on its package. */
public final class StandInKernels {
}
