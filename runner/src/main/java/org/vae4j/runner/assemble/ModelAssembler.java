package org.vae4j.runner.assemble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.vae4j.api.data.DataInfo;
import org.vae4j.api.model.Model;
import org.vae4j.api.model.ParameterGroup;
import org.vae4j.api.optim.LearningRateSchedule;
import org.vae4j.api.optim.Optimizer;
import org.vae4j.runner.spec.ComponentSpec;
import org.vae4j.runner.spec.DataSpec;
import org.vae4j.runner.spec.ExperimentSpec;
import org.vae4j.runner.spec.SpecException;
import org.vae4j.runner.spec.SpecProblem;

/**
 * Builds what a checked spec describes for data of a given shape: the model, through its family's
 * provider, which sizes and builds its slots, and an optimizer per parameter group. A component
 * that cannot be built, or builds with the wrong shapes, is a {@link SpecException} naming its
 * JSON path. The assembler knows no particular model.
 */
public final class ModelAssembler {
    /** The floating-point type of models. */
    public static final DataType TYPE = DataType.FLOAT;

    private ModelAssembler() {
    }

    /**
     * @param spec   the checked spec
     * @param data   the data the model is for
     * @param source the spec file, for messages
     * @return the model, with parameters drawn from the spec's seed
     * @throws SpecException if a component rejects its configuration or shapes do not fit
     */
    public static Model build(ExperimentSpec spec, DataInfo data, String source) {
        try (InitialValues init = new InitialValues(spec.seed())) {
            ComponentContext family = new ComponentContext(spec.model(), data, data.shape(), new long[0], 0, TYPE,
                    init, Map.of());
            return family.build(Model.class, null, null);
        } catch (ComponentFailure e) {
            throw new SpecException(source, List.of(new SpecProblem(e.path(), e.getMessage())));
        }
    }

    /**
     * An optimizer for every parameter group of the model: the one {@code "optimizers"} names for
     * the group, else a fresh one of {@code "optimizer"}.
     *
     * @param spec   the checked spec
     * @param model  the model
     * @param source the spec file, for messages
     * @return the optimizers by group name, in the model's order
     * @throws SpecException if {@code "optimizers"} names a group the model does not have
     */
    public static Map<String, Optimizer> optimizers(ExperimentSpec spec, Model model, String source) {
        Map<String, Optimizer> out = new LinkedHashMap<>();
        List<String> groups = model.parameterGroups().stream().map(ParameterGroup::name).toList();
        for (String name : spec.optimizers().keySet()) {
            if (!groups.contains(name)) {
                throw new SpecException(source, List.of(new SpecProblem("$.optimizers." + name, "the model has no "
                        + "parameter group '" + name + "'; its groups: " + String.join(", ", groups))));
            }
        }
        DataInfo none = new DataInfo("", new long[] {1}, DataInfo.SCALE, 0, DataInfo.SAME, List.of());
        try (InitialValues init = new InitialValues(spec.seed())) {
            for (String g : groups) {
                ComponentSpec c = spec.optimizers().getOrDefault(g, spec.optimizer());
                out.put(g, new ComponentContext(c, none, new long[0], new long[0], 0, TYPE, init, Map.of())
                        .build(Optimizer.class, null, null));
            }
        } catch (ComponentFailure e) {
            throw new SpecException(source, List.of(new SpecProblem(e.path(), e.getMessage())));
        }
        return out;
    }

    /**
     * The learning-rate schedule of every parameter group that has one: the one its entry in
     * {@code "optimizers"} names, else the one of {@code "optimizer"} for the groups it serves.
     *
     * @param spec       the checked spec
     * @param optimizers the groups' optimizers, from {@link #optimizers}
     * @param source     the spec file, for messages
     * @return the schedules by group name; empty when the spec names none
     * @throws SpecException if a schedule is given to an optimizer without a learning rate
     */
    public static Map<String, LearningRateSchedule> schedules(ExperimentSpec spec, Map<String, Optimizer> optimizers,
                                                              String source) {
        Map<String, LearningRateSchedule> out = new LinkedHashMap<>();
        DataInfo none = new DataInfo("", new long[] {1}, DataInfo.SCALE, 0, DataInfo.SAME, List.of());
        try (InitialValues init = new InitialValues(spec.seed())) {
            for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
                ComponentSpec c = spec.optimizers().containsKey(e.getKey()) ? spec.schedules().get(e.getKey())
                        : spec.schedule();
                if (c == null) {
                    continue;
                }
                if (Double.isNaN(e.getValue().learningRate())) {
                    throw new SpecException(source, List.of(new SpecProblem(c.path(), "the optimizer of group '"
                            + e.getKey() + "' has no learning rate to schedule")));
                }
                out.put(e.getKey(), new ComponentContext(c, none, new long[0], new long[0], 0, TYPE, init, Map.of())
                        .build(LearningRateSchedule.class, null, null));
            }
        } catch (ComponentFailure e) {
            throw new SpecException(source, List.of(new SpecProblem(e.path(), e.getMessage())));
        }
        return out;
    }

    /**
     * @param d     the spec's data section
     * @param shape one example's shape
     * @return what components may know of the data
     */
    public static DataInfo dataInfo(DataSpec d, long[] shape) {
        return dataInfo(d, shape, org.vae4j.datasets.ClassNames.of(d.dataset(), 10));
    }

    /**
     * @param d          the spec's data section
     * @param shape      one example's shape
     * @param classNames the class names in label order (an image folder's own)
     * @return what components may know of the data
     */
    public static DataInfo dataInfo(DataSpec d, long[] shape, List<String> classNames) {
        int levels = "quantize".equals(d.transform()) ? 1 << d.bits() : 0;
        return new DataInfo(d.dataset(), shape, d.transform(), levels, d.input(), classNames);
    }
}
