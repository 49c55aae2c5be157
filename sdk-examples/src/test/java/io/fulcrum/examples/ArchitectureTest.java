package io.fulcrum.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of DESIGN.md, checked on the compiled main classes of every module: the
 * implementation modules meet only through sdk-api, internals stay internal, packages form no
 * cycles, and nothing deterministic reads a clock or an unseeded random source.
 */
class ArchitectureTest {
    private static final List<String> IMPLEMENTATION_MODULES = List.of("orderbook", "amm", "margin", "oracle");
    private static final List<String> ALL_MODULES = List.of("api", "venue", "orderbook", "amm", "margin", "oracle",
            "examples");
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fulcrum");
    }

    @Test
    void apiDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("io.fulcrum.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.fulcrum.api..", "java..")
                .check(classes);
    }

    @Test
    void implementationModulesDependOnNoOtherFulcrumModuleThanTheApi() {
        for (String module : IMPLEMENTATION_MODULES) {
            String[] others = otherModulesThan(module, "api");
            noClasses().that().resideInAPackage("io.fulcrum." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("mechanism modules meet only through sdk-api (DESIGN.md, Modules)")
                    .allowEmptyShould(module.equals("amm")) // sdk-amm has no classes until its issue
                    .check(classes);
        }
    }

    @Test
    void venueKernelDependsOnTheApiOnly() {
        noClasses().that().resideInAPackage("io.fulcrum.venue..")
                .should().dependOnClassesThat().resideInAnyPackage(otherModulesThan("venue", "api"))
                .because("the kernel receives implementations through its builder")
                .check(classes);
    }

    @Test
    void nothingOutsideAModuleUsesItsInternals() {
        for (String module : ALL_MODULES) {
            noClasses().that().resideOutsideOfPackage("io.fulcrum." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.fulcrum." + module + ".internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.fulcrum.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void deterministicModulesReadNoWallClock() {
        ArchRule rule = noClasses().that().resideInAnyPackage(deterministicPackages())
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .because("time comes in on commands (DESIGN.md, kernel)");
        rule.check(classes);
    }

    @Test
    void deterministicModulesUseNoUnseededRandomness() {
        noClasses().that().resideInAnyPackage(deterministicPackages())
                .should().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.UUID")
                .because("randomness belongs to simulations with explicit seeds, never to the kernel")
                .check(classes);
    }

    private static String[] deterministicPackages() {
        return new String[] {"io.fulcrum.api..", "io.fulcrum.venue..", "io.fulcrum.orderbook..", "io.fulcrum.amm..",
            "io.fulcrum.margin..", "io.fulcrum.oracle.."};
    }

    private static String[] otherModulesThan(String... allowed) {
        List<String> allowedList = Arrays.asList(allowed);
        return ALL_MODULES.stream()
                .filter(m -> !allowedList.contains(m))
                .map(m -> "io.fulcrum." + m + "..")
                .toArray(String[]::new);
    }
}
