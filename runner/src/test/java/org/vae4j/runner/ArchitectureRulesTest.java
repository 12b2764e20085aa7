package org.vae4j.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.vae4j.api.archfixture.ApiUsingEngine;
import org.vae4j.datasets.archfixture.DatasetsUsingApi;
import org.vae4j.engine.archfixture.EngineNamingTheKernels;
import org.vae4j.engine.archfixture.EngineUsingRunner;
import org.vae4j.engine.archfixture.PolymorphicConfig;
import org.vae4j.plugins.archfixture.PluginUsingRunnerAndDatasets;
import org.vae4j.runner.archfixture.ActivatesDefaultTyping;
import org.vae4j.runner.archfixture.LoadsClassesByName;
import org.vae4j.runner.archfixture.RunnerUsingAPlugin;
import org.vae4j.runner.archfixture.RunnerUsingEngine;

/**
 * Each rule of {@link ArchitectureTest} fails on a class that breaks it (the fixtures in the
 * {@code archfixture} packages of the test sources, which the real check leaves out), and the
 * failure report names the rule's reason and the offending class. A rule that could never fail
 * would guard nothing.
 */
class ArchitectureRulesTest {

    private static void assertCatches(ArchRule rule, String reason, Class<?>... violators) {
        JavaClasses classes = new ClassFileImporter().importClasses(violators);
        EvaluationResult result = rule.evaluate(classes);
        assertTrue(result.hasViolation(), () -> "the rule let through " + classes + ": " + rule.getDescription());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(reason), report);
        assertTrue(report.contains(violators[0].getName()), report);
    }

    @Test
    void apiRuleCatchesAnApiClassUsingTheEngine() {
        assertCatches(ArchitectureTest.API_STANDS_ALONE, "because org.vae4j.api is the contract plugins compile against",
                ApiUsingEngine.class);
    }

    @Test
    void pluginRuleCatchesAPluginUsingTheRunnerTheDataSetsAndTheEnginesInternals() {
        EvaluationResult r = ArchitectureTest.PLUGINS_USE_THE_SDK_ONLY.evaluate(
                new ClassFileImporter().importClasses(PluginUsingRunnerAndDatasets.class));
        String report = r.getFailureReport().toString();
        assertTrue(report.contains("org.vae4j.runner.spec.SpecParser"), report);
        assertTrue(report.contains("org.vae4j.datasets.ImageSet"), report);
        assertTrue(report.contains("org.vae4j.engine.io.Npz"), report);
        assertCatches(ArchitectureTest.PLUGINS_USE_THE_SDK_ONLY, "because a plugin jar is built against "
                + "org.vae4j.api and the plugin SDK", PluginUsingRunnerAndDatasets.class);
    }

    @Test
    void datasetsRuleCatchesADatasetsClassUsingAModelContract() {
        assertCatches(ArchitectureTest.DATASETS_KNOW_NO_MODEL, "because org.vae4j.datasets reads and transforms images",
                DatasetsUsingApi.class);
    }

    @Test
    void runnerRuleCatchesTheRunnerUsingAPlugin() {
        assertCatches(ArchitectureTest.RUNNER_KNOWS_NO_PLUGIN, "because the runner finds models, components and "
                + "commands as providers at run time", RunnerUsingAPlugin.class);
    }

    @Test
    void coreRuleCatchesTheRunnerNamingAVaeContract() {
        assertCatches(ArchitectureTest.THE_CORE_KNOWS_NO_MODEL, "because the engine and the runner train and show any "
                + "model family", RunnerUsingAPlugin.class);
    }

    @Test
    void kernelsRuleCatchesTheEngineNamingTheOneDnnModule() {
        assertCatches(ArchitectureTest.NO_CODE_KNOWS_THE_BACKENDS_KERNELS, "because the engine finds "
                + "ConvolutionKernels and MatrixKernels with ServiceLoader", EngineNamingTheKernels.class);
    }

    @Test
    void engineRuleCatchesAnEngineClassUsingTheRunner() {
        assertCatches(ArchitectureTest.ENGINE_IS_BELOW_THE_APPLICATION, "because org.vae4j.engine trains models",
                EngineUsingRunner.class);
    }

    @Test
    void cycleRuleCatchesEngineAndRunnerUsingEachOther() {
        EvaluationResult r = ArchitectureTest.NO_CYCLES_BETWEEN_MODULES.evaluate(
                new ClassFileImporter().importClasses(EngineUsingRunner.class, RunnerUsingEngine.class));
        assertTrue(r.hasViolation());
        String report = r.getFailureReport().toString();
        assertTrue(report.contains("Cycle detected: org.vae4j.engine -> "), report);
        assertTrue(report.contains("because vae4j's packages (api, engine, datasets, plugins, runner) form a hierarchy"),
                report);
        // one direction alone is no cycle
        assertFalse(ArchitectureTest.NO_CYCLES_BETWEEN_MODULES.evaluate(
                new ClassFileImporter().importClasses(RunnerUsingEngine.class)).hasViolation());
    }

    @Test
    void classLoadingRuleCatchesForNameAndLoadClass() {
        EvaluationResult r = ArchitectureTest.NO_CLASS_LOADING_BY_NAME_IN_THE_RUNNER.evaluate(
                new ClassFileImporter().importClasses(LoadsClassesByName.class));
        String report = r.getFailureReport().toString();
        assertTrue(report.contains("Class.forName(java.lang.String)"), report);
        assertTrue(report.contains("URLClassLoader.loadClass(java.lang.String)"), report);
        assertCatches(ArchitectureTest.NO_CLASS_LOADING_BY_NAME_IN_THE_RUNNER, "because a spec can never name a class",
                LoadsClassesByName.class);
    }

    @Test
    void defaultTypingRuleCatchesActivateDefaultTyping() {
        assertCatches(ArchitectureTest.NO_JACKSON_DEFAULT_TYPING, "because a spec can never name a class: Jackson's "
                + "default typing", ActivatesDefaultTyping.class);
    }

    @Test
    void typeInfoRuleCatchesJsonTypeInfoOnAConfigField() {
        assertCatches(ArchitectureTest.NO_JACKSON_TYPE_INFO, "because a spec can never name a class: @JsonTypeInfo",
                PolymorphicConfig.class);
    }

    @Test
    void theRulesPassOnAClassThatFollowsThem() {
        JavaClasses clean = new ClassFileImporter().importClasses(ArchitectureRulesTest.class);
        for (ArchRule rule : new ArchRule[] {ArchitectureTest.NO_CLASS_LOADING_BY_NAME_IN_THE_RUNNER,
                ArchitectureTest.NO_JACKSON_DEFAULT_TYPING, ArchitectureTest.NO_JACKSON_TYPE_INFO}) {
            assertFalse(rule.evaluate(clean).hasViolation(), rule.getDescription());
        }
    }
}
