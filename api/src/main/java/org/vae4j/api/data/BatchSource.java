package org.vae4j.api.data;

import java.util.Iterator;

/** The mini-batches of one data split, in the order of a given epoch. */
public interface BatchSource {

    /** @return the number of batches one epoch yields */
    long batchesPerEpoch();

    /** @return the number of examples one epoch yields */
    long examples();

    /**
     * @param epoch the epoch, counted from 0; shuffling and re-binarization depend only on it
     * @return the batches of that epoch; a batch may share its arrays with the next one, so it is
     *         valid until the next is taken
     */
    Iterator<Batch> epoch(int epoch);
}
