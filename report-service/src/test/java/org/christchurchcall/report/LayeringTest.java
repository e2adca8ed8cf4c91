package org.christchurchcall.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** What a published report is and how it renders must not depend on storage, HTTP or the sources. */
class LayeringTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.christchurchcall.report");

    @Test
    void documentsAndRenderingStandAlone() {
        noClasses().that().resideInAnyPackage("..report.document..", "..report.render..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "io.quarkus.hibernate..", "jakarta.ws.rs..",
                        "org.christchurchcall.report.source..", "org.christchurchcall.report.draft..",
                        "org.christchurchcall.report.publication..")
                .check(CLASSES);
    }

    @Test
    void onlyTheGeneratorTalksToSources() {
        noClasses().that().resideInAnyPackage("..report.draft..", "..report.publication..", "..report.render..")
                .should().dependOnClassesThat().resideInAPackage("org.christchurchcall.report.source..").check(CLASSES);
    }
}
