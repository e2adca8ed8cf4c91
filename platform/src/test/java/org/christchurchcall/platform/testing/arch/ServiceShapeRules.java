package org.christchurchcall.platform.testing.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service follows (docs/service-shape.md), as ArchUnit rules. A service's
 * {@code arch/ArchitectureTest} extends {@link ServiceShapeTestBase}, which checks each rule; a
 * rule that takes names lets the service declare narrow, commented exceptions.
 */
public final class ServiceShapeRules {

    private static final String REST = "..rest..";
    private static final String SERVICE = "..service..";
    private static final String REPOSITORY = "..repository..";
    /** Exception mappers and filters: JAX-RS without being a resource. */
    private static final String WEB = "..web..";
    /** REST client interfaces to the other services. */
    private static final String CLIENT = "..client..";

    /** Panache's active-record methods: a call to one of these on an entity is a query or a write. */
    private static final Set<String> ACTIVE_RECORD = Set.of("find", "findAll", "findById", "findByIdOptional", "list",
            "listAll", "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "persist",
            "persistAndFlush", "update", "flush", "getEntityManager");

    private ServiceShapeRules() {
    }

    /** The service's own production classes, without tests. */
    public static JavaClasses importService(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Resources are the edge: nothing outside {@code rest} calls one (DTO records there are shared). */
    public static ArchRule resourcesAreReachedOnlyOverHttp() {
        return noClasses().that().resideOutsideOfPackage(REST).should().dependOnClassesThat(resource())
                .as("only rest classes use resources");
    }

    /** Resources call services, never repositories or stores; {@code exceptions} are simple class names. */
    public static ArchRule resourcesDoNotUseRepositories(String... exceptions) {
        Set<String> allowed = Set.of(exceptions);
        return noClasses().that().resideInAPackage(REST)
                .and(DescribedPredicate.describe("not excepted", (JavaClass c) -> !allowed.contains(outermost(c).getSimpleName())))
                .should().dependOnClassesThat(repositoryOrStore())
                .as("resources do not use repositories" + (allowed.isEmpty() ? "" : " (exceptions: " + allowed + ")"));
    }

    /** Repositories and stores know nothing of the wire. */
    public static ArchRule repositoriesDoNotDependOnRest() {
        return noClasses().that(repositoryOrStore()).should().dependOnClassesThat().resideInAPackage(REST)
                .as("repositories do not depend on rest").allowEmptyShould(true);
    }

    /** JAX-RS is for resources, exception mappers and filters ({@code web}) and clients of other services. */
    public static ArchRule jaxRsOnlyAtTheEdge() {
        return noClasses().that().resideOutsideOfPackages(REST, WEB, CLIENT).should().dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .as("JAX-RS types only in rest, web (exception mappers, filters) and client packages");
    }

    /**
     * SQL, the entity manager, JDBC and Panache's active-record queries only in repositories or
     * stores ({@code repository} packages, or classes named {@code ...Repository} / {@code ...Store}).
     * {@code exceptions} are simple class names the calling test lists, each with its reason.
     */
    public static ArchRule dataAccessOnlyInRepositories(String... exceptions) {
        Set<String> allowed = Set.of(exceptions);
        DescribedPredicate<JavaClass> notRepository = DescribedPredicate.describe("not a repository or store",
                c -> !repositoryOrStore().test(c) && !allowed.contains(outermost(c).getSimpleName()));
        return noClasses().that(notRepository).should().dependOnClassesThat(dataAccessType())
                .orShould().callMethodWhere(activeRecordCall())
                .as("data access (EntityManager, JDBC, Panache queries) only in repositories and stores"
                        + (allowed.isEmpty() ? "" : " (exceptions: " + allowed + ")"));
    }

    /** Configuration is read through typed {@code @ConfigMapping} interfaces, not field by field. */
    public static ArchRule configThroughMappings() {
        return noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("org.eclipse.microprofile.config.inject.ConfigProperty")
                .as("no @ConfigProperty injection: use a @ConfigMapping");
    }

    private static DescribedPredicate<JavaClass> repositoryOrStore() {
        return DescribedPredicate.describe("repositories or stores", c -> c.getPackageName().contains(".repository")
                || outermost(c).getSimpleName().endsWith("Repository") || outermost(c).getSimpleName().endsWith("Store"));
    }

    private static DescribedPredicate<JavaClass> resource() {
        return DescribedPredicate.describe("resources",
                c -> c.getPackageName().contains(".rest") && c.getSimpleName().endsWith("Resource"));
    }

    private static DescribedPredicate<JavaClass> dataAccessType() {
        return DescribedPredicate.describe("EntityManager, DataSource, JDBC or a Panache repository",
                c -> c.getName().equals("jakarta.persistence.EntityManager")
                        || c.getName().equals("javax.sql.DataSource") || c.getPackageName().equals("java.sql")
                        || c.getName().startsWith("io.quarkus.hibernate.orm.panache.PanacheRepository"));
    }

    private static DescribedPredicate<JavaMethodCall> activeRecordCall() {
        DescribedPredicate<JavaClass> entity = assignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase");
        return DescribedPredicate.describe("a Panache active-record query or write",
                (JavaMethodCall call) -> ACTIVE_RECORD.contains(call.getTarget().getName())
                        && entity.test(call.getTarget().getOwner())
                        && !isInsideEntity(call));
    }

    /** An entity may use its own inherited methods (e.g. {@code persist()} in a factory method). */
    private static boolean isInsideEntity(JavaAccess<?> access) {
        return assignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase").test(access.getOriginOwner());
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass o = c;
        while (o.getEnclosingClass().isPresent()) {
            o = o.getEnclosingClass().get();
        }
        return o;
    }
}
