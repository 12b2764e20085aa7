package org.vae4j.engine.optim;

import org.vae4j.api.spi.ConfigException;

/** The range checks optimizer configurations share, with the messages specs get. */
final class Ranges {
    private Ranges() {
    }

    static void learningRate(double lr) {
        ConfigException.require(lr > 0 && lr <= 10, "lr", "must be a number > 0 and <= 10, got " + lr);
    }

    static void decay(String field, double v) {
        ConfigException.require(v >= 0 && v < 1, field, "must be >= 0 and < 1, got " + v);
    }
}
