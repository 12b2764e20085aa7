package org.vae4j.runner.assemble;

import java.nio.file.Path;
import java.util.Map;
import org.vae4j.api.data.BatchSource;
import org.vae4j.api.data.DataInfo;
import org.vae4j.datasets.ImageSet;

/**
 * The splits of a run, ready for the engine.
 *
 * @param trainSet      the training images
 * @param validationSet the validation images, or null
 * @param testSet       the test images
 * @param train         training batches (shuffled per epoch)
 * @param validation    validation batches, or null
 * @param test          test batches
 * @param info          what components may know of the data
 * @param sha256        SHA-256 of each data file read, for the provenance manifest
 * @param source        where the data came from, for the log
 */
public record TrainingData(ImageSet trainSet, ImageSet validationSet, ImageSet testSet, BatchSource train,
                           BatchSource validation, BatchSource test, DataInfo info, Map<Path, String> sha256,
                           String source) {
    /** @return the shape of one example */
    public long[] shape() {
        return trainSet.shape();
    }
}
