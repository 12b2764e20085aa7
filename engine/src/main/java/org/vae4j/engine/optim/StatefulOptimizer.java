package org.vae4j.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vae4j.engine.params.ParameterStore;

/** The bookkeeping every optimizer shares: lazily allocated state vectors and a step counter. */
abstract class StatefulOptimizer implements Optimizer {
    private final List<String> stateNames;
    private final Map<String, INDArray> state = new LinkedHashMap<>();
    private long iteration;

    StatefulOptimizer(List<String> stateNames) {
        this.stateNames = stateNames;
    }

    @Override
    public final void step(ParameterStore params) {
        if (state.isEmpty()) {
            for (String n : stateNames) {
                state.put(n, Nd4j.zeros(params.values().dataType(), params.values().length()));
            }
        }
        update(params.values(), params.gradients(), state, iteration);
        iteration++;
    }

    /**
     * @param values    the flat parameter vector, updated in place
     * @param gradients the flat gradient vector, may be overwritten
     * @param state     the state vectors by name, same length as the parameters
     * @param iteration steps taken before this one
     */
    abstract void update(INDArray values, INDArray gradients, Map<String, INDArray> state, long iteration);

    @Override
    public final long iteration() {
        return iteration;
    }

    @Override
    public final Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>(state);
        out.put("iteration", Nd4j.createFromArray(iteration));
        return out;
    }

    @Override
    public final void loadState(Map<String, INDArray> saved) {
        INDArray it = saved.get("iteration");
        if (it == null) {
            throw new IllegalArgumentException("optimizer state has no 'iteration'");
        }
        Map<String, INDArray> loaded = new LinkedHashMap<>();
        for (String n : stateNames) {
            INDArray a = saved.get(n);
            if (a == null) {
                throw new IllegalArgumentException("optimizer state has no '" + n + "'");
            }
            loaded.put(n, a.dup());
        }
        state.clear();
        state.putAll(loaded);
        iteration = it.getLong(0);
    }
}
