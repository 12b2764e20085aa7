package org.vae4j.engine.train;

import java.util.Iterator;

/** The mini-batches of one data split, in the order of a given epoch. */
public interface BatchSource {

    /** @return the number of batches one epoch yields */
    long batchesPerEpoch();

    /** @return the number of examples one epoch yields */
    long examples();

    /**
     * @param epoch the epoch, counted from 0; shuffling and re-binarization depend only on it
     * @return the batches of that epoch
     */
    Iterator<Batch> epoch(int epoch);
}
