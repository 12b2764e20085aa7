package org.vae4j.runner;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.fasterxml.jackson.databind.annotation.JsonTypeResolver;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The module structure of vae4j as rules over its production classes (all of {@code org.vae4j}
 * on the runner's class path, tests excluded). Each rule says why it exists, so a failure names
 * the rule, the reason and the offending class and line. {@link ArchitectureRulesTest} shows that
 * each rule does catch a violation.
 */
@AnalyzeClasses(packages = "org.vae4j",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
public class ArchitectureTest {
    private static final Set<String> DEFAULT_TYPING = Set.of("enableDefaultTyping", "enableDefaultTypingAsProperty",
            "activateDefaultTyping", "activateDefaultTypingAsProperty", "setDefaultTyping");

    /** The api is the contract plugins compile against: it must stand alone. */
    @ArchTest
    public static final ArchRule API_STANDS_ALONE = classes().that().resideInAPackage("org.vae4j.api..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.vae4j..").or(resideInAPackage("org.vae4j.api..")))
            .because("org.vae4j.api is the contract plugins compile against: it depends on no other vae4j package "
                    + "(engine, datasets, plugins, runner)");

    /** The packages of the plugin SDK: what a plugin author builds with. */
    static final String[] SDK = {"org.vae4j.engine.layers..", "org.vae4j.engine.init..", "org.vae4j.engine.gradcheck..",
        "org.vae4j.engine.random..", "org.vae4j.engine.math.."};

    /** Plugins use the api and the plugin SDK, nothing of the engine's internals or the application. */
    @ArchTest
    public static final ArchRule PLUGINS_USE_THE_SDK_ONLY = classes().that().resideInAPackage("org.vae4j.plugins..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.vae4j..")
                    .or(resideInAnyPackage("org.vae4j.api..", "org.vae4j.plugins.."))
                    .or(resideInAnyPackage(SDK)))
            .because("a plugin jar is built against org.vae4j.api and the plugin SDK (the engine's layers, init, "
                    + "gradcheck, random and math packages) only; the engine's training loop, checkpoints and IO, the runner "
                    + "and the data sets are not part of the plugin contract");

    /** The data sets know no model: of the api, only what a batch is. */
    @ArchTest
    public static final ArchRule DATASETS_KNOW_NO_MODEL = classes().that().resideInAPackage("org.vae4j.datasets..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.vae4j..")
                    .or(resideInAnyPackage("org.vae4j.datasets..", "org.vae4j.api.data..", "org.vae4j.api.random..",
                            "org.vae4j.engine.io..")))
            .because("org.vae4j.datasets reads and transforms images and knows no model: it makes the api's batches "
                    + "from the api's random streams, reads NumPy arrays with the engine's io package (the one home "
                    + "of the NPY format) and depends on nothing else of vae4j");

    /** The runner compiles against no plugin, so every plugin (the built-in ones too) can be replaced. */
    @ArchTest
    public static final ArchRule RUNNER_KNOWS_NO_PLUGIN = noClasses().that().resideInAPackage("org.vae4j.runner..")
            .should().dependOnClassesThat().resideInAPackage("org.vae4j.plugins..")
            .because("the runner finds models, components and commands as providers at run time; a compile-time "
                    + "dependency on a plugin would make it impossible to drop or replace");

    /** The core knows no particular model: no VAE contract, no GAN, in the engine or the runner. */
    @ArchTest
    public static final ArchRule THE_CORE_KNOWS_NO_MODEL = noClasses()
            .that().resideInAnyPackage("org.vae4j.engine..", "org.vae4j.runner..")
            .should().dependOnClassesThat().belongToAnyOf(org.vae4j.api.Encoder.class, org.vae4j.api.Decoder.class,
                    org.vae4j.api.Prior.class, org.vae4j.api.Likelihood.class, org.vae4j.api.BetaSchedule.class)
            .because("the engine and the runner train and show any model family through org.vae4j.api.model (as "
                    + "JUnit's platform runs any engine); what a VAE or a GAN is lives in its plugin");

    /** Nor does it name one: no GAN, generator or discriminator class outside the GAN plugin. */
    @ArchTest
    public static final ArchRule THE_CORE_NAMES_NO_GAN = noClasses()
            .that().resideInAnyPackage("org.vae4j.api..", "org.vae4j.engine..", "org.vae4j.runner..",
                    "org.vae4j.datasets..")
            .should().haveSimpleNameContaining("Gan").orShould().haveSimpleNameContaining("Discriminator")
            .orShould().haveSimpleNameContaining("Generator").orShould().haveSimpleNameContaining("Adversarial")
            .because("everything GAN-specific lives in plugins/gan, so that the GAN is the worked example of a "
                    + "model family a plugin adds (docs/DESIGN.md)");

    /** The engine is a library the runner uses, not the other way round. */
    @ArchTest
    public static final ArchRule ENGINE_IS_BELOW_THE_APPLICATION = noClasses().that().resideInAPackage("org.vae4j.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vae4j.runner..", "org.vae4j.datasets..",
                    "org.vae4j.plugins..")
            .because("org.vae4j.engine trains models from batches; specs, data files and particular "
                    + "architectures belong to the runner, datasets and plugins, which depend on it");

    /** The backend's kernels are found at run time; no code names them, so the CUDA build can leave them out. */
    @ArchTest
    public static final ArchRule NO_CODE_KNOWS_THE_BACKENDS_KERNELS = noClasses().that()
            .resideOutsideOfPackage("org.vae4j.onednn..")
            .should().dependOnClassesThat().resideInAPackage("org.vae4j.onednn..")
            .because("the engine finds ConvolutionKernels and MatrixKernels with ServiceLoader; the CPU build "
                    + "ships vae4j-onednn and the CUDA build does not, so nothing may depend on it");

    /** Modules form a hierarchy. */
    @ArchTest
    public static final ArchRule NO_CYCLES_BETWEEN_MODULES = slices().matching("org.vae4j.(*)..")
            .namingSlices("org.vae4j.$1").should().beFreeOfCycles()
            .because("vae4j's packages (api, engine, datasets, plugins, runner) form a hierarchy; a cycle would "
                    + "tie modules together that must build and ship separately");

    /** The runner's own packages form a hierarchy too. */
    @ArchTest
    public static final ArchRule NO_CYCLES_IN_THE_RUNNER = slices().matching("org.vae4j.runner.(*)..")
            .namingSlices("org.vae4j.runner.$1").should().beFreeOfCycles()
            .because("the runner's packages (cli, spec, plugins, assemble, run, images) are layered: the "
                    + "command line on top, spec parsing and plugin discovery at the bottom");

    /** Strings from a spec never become classes. */
    @ArchTest
    public static final ArchRule NO_CLASS_LOADING_BY_NAME_IN_THE_RUNNER = noClasses()
            .that().resideInAPackage("org.vae4j.runner..")
            .should().callMethodWhere(describe("Class.forName or ClassLoader.loadClass/findClass",
                    (JavaCall<?> call) -> isClassLoadingByName(call)))
            .because("a spec can never name a class: the runner resolves component types through the provider "
                    + "registry (ServiceLoader), never by turning a string into a class");

    /** Jackson's polymorphic typing would let JSON name the class to instantiate. */
    @ArchTest
    public static final ArchRule NO_JACKSON_DEFAULT_TYPING = noClasses().that().resideInAPackage("org.vae4j..")
            .should().callMethodWhere(describe("Jackson's enableDefaultTyping/activateDefaultTyping",
                    (JavaCall<?> call) -> DEFAULT_TYPING.contains(call.getTarget().getName())
                            && call.getTargetOwner().getPackageName().startsWith("com.fasterxml.jackson.databind")))
            .because("a spec can never name a class: Jackson's default typing reads class names from the JSON");

    /** Nor may a configuration class declare polymorphic type handling. */
    @ArchTest
    public static final ArchRule NO_JACKSON_TYPE_INFO = noClasses().that().resideInAPackage("org.vae4j..")
            .should().dependOnClassesThat().belongToAnyOf(JsonTypeInfo.class, JsonSubTypes.class,
                    JsonTypeIdResolver.class, JsonTypeResolver.class)
            .because("a spec can never name a class: @JsonTypeInfo and friends on a configuration class would let "
                    + "the JSON choose which class Jackson instantiates");

    private static boolean isClassLoadingByName(JavaCall<?> call) {
        String name = call.getTarget().getName();
        var owner = call.getTargetOwner();
        if (owner.isEquivalentTo(Class.class)) {
            return name.equals("forName");
        }
        return owner.isAssignableTo(ClassLoader.class) && (name.equals("loadClass") || name.equals("findClass"));
    }

    /**
     * Also leaves out test classes that come in jars, such as the engine's test-jar, which
     * {@link ImportOption.DoNotIncludeTests} recognizes only as folders.
     */
    public static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }
}
