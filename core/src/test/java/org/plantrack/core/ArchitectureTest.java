package org.plantrack.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of core's own classes (target/classes, not the tests): no cycle between its features,
 * and the layers error → base → model → features → the facade, each importing only those below it.
 *
 * <p>A slice is one top-level package of core with its sub-packages ({@code engine} holds
 * {@code engine.rules}, {@code exchange} holds {@code exchange.json}); the root package
 * {@code org.plantrack.core} (the facade) is a slice of its own. A failure names the cycle or the
 * forbidden dependency, with the class, member and line that makes it.
 */
class ArchitectureTest {
    private static final String CORE = "org.plantrack.core";

    private static JavaClasses core;

    @BeforeAll
    static void importCoreClasses() throws URISyntaxException {
        Path classes = Path.of(PlanTracker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        core = new ClassFileImporter()
                .withImportOption(location -> !location.contains("module-info"))
                .importPath(classes);
    }

    /** The top-level package of core a class is in, its sub-packages included; the root package is its own. */
    static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals(CORE)) {
                return SliceIdentifier.of(CORE + " (the facade)");
            }
            if (!p.startsWith(CORE + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = p.substring(CORE.length() + 1);
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(CORE + "." + (dot < 0 ? rest : rest.substring(0, dot)));
        }

        @Override
        public String getDescription() {
            return "core's top-level packages (sub-packages with their parent; the root package on its own)";
        }
    };

    @Test
    void noCycleBetweenCorePackages() {
        slices().assignedFrom(FEATURES)
                .should().beFreeOfCycles()
                .as("no cycle between core's packages (the root package org.plantrack.core counted as one)")
                .because("a cycle ties features together: none can be understood, tested or moved alone")
                .check(core);
    }

    @Test
    void layersImportOnlyWhatIsBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("error").definedBy(CORE + ".error..")
                .layer("base").definedBy(CORE + ".base..")
                .layer("model").definedBy(CORE + ".model..")
                .layer("features").definedBy(CORE + ".evaluation..", CORE + ".engine..", CORE + ".spi..",
                        CORE + ".event..",
                        CORE + ".importing..", CORE + ".exchange..", CORE + ".report..", CORE + ".store..",
                        CORE + ".access..", CORE + ".supervision..")
                .layer("facade").definedBy(CORE)
                .whereLayer("error").mayNotAccessAnyLayer()
                .whereLayer("base").mayOnlyAccessLayers("error")
                .whereLayer("model").mayOnlyAccessLayers("base", "error")
                .whereLayer("features").mayOnlyAccessLayers("model", "base", "error")
                .whereLayer("facade").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture()
                .as("core's layers: error at the bottom, then base (validation, formatting, plugin loading), "
                        + "the model, the features (evaluation, engine, spi, event, importing, exchange, report, store, "
                        + "access, supervision), and the facade org.plantrack.core on top")
                .because("a lower layer that imports a higher one is a cycle in waiting, and nothing below "
                        + "the facade may need the facade")
                .check(core);
    }
}
