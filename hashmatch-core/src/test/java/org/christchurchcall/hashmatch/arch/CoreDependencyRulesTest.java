package org.christchurchcall.hashmatch.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The PDQ code and the index depend on the JDK only (the index not even on java.awt), so that
 * the service, the command-line tools and the benchmarks share them without a framework.
 */
class CoreDependencyRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.christchurchcall.hashmatch");

    @Test
    void pdqDependsOnlyOnTheJdkAndImageIo() {
        classes().that().resideInAPackage("..hashmatch.pdq..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.imageio..", "..hashmatch.pdq..")
                .check(CLASSES);
    }

    @Test
    void indexDependsOnlyOnJavaAndThePdqTypes() {
        classes().that().resideInAPackage("..hashmatch.index..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java.lang..", "java.util..", "..hashmatch.index..", "..hashmatch.pdq..")
                .check(CLASSES);
    }
}
