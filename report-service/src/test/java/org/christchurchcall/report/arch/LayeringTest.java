package org.christchurchcall.report.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** What a report holds and how it renders must not depend on storage, HTTP, generation or the other services. */
class LayeringTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.christchurchcall.report");

    @Test
    void contentAndRenderingStandAlone() {
        noClasses().that().resideInAnyPackage("..report.content..", "..report.rendering..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "io.quarkus.hibernate..", "jakarta.ws.rs..",
                        "org.christchurchcall.report.generation..", "org.christchurchcall.report.draft..",
                        "org.christchurchcall.report.publication..")
                .check(CLASSES);
    }

    @Test
    void onlyGenerationTalksToTheOtherServices() {
        noClasses().that().resideInAnyPackage("..report.draft..", "..report.publication..", "..report.rendering..", "..report.content..")
                .should().dependOnClassesThat().resideInAPackage("org.christchurchcall.report.generation.client..").check(CLASSES);
    }
}
