package dev.consentry.testkit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules of README's "Where things are", as checks over a service's compiled classes: resources map HTTP to
 * service commands and nothing below them knows HTTP; entities are reached through their repositories, hot reads
 * through the reactive pool in a repository, and JDBC only in the platform module.
 */
public final class HouseRules {

    private static final String PANACHE_ENTITY = "io.quarkus.hibernate.reactive.panache.PanacheEntityBase";
    private static final String PANACHE = "io.quarkus.hibernate.reactive.panache.Panache";
    private static final String SESSION = "org.hibernate.reactive.mutiny.Mutiny$Session";
    private static final Set<String> QUERY_METHODS = Set.of("createNativeQuery", "createQuery", "createSelectionQuery",
            "createMutationQuery", "createNamedQuery");

    private HouseRules() {
    }

    /** The production classes of {@code rootPackage} (a service's), tests excluded. */
    public static JavaClasses classesOf(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Services take commands and return their own records: nothing in {@code service} depends on {@code rest}. */
    public static ArchRule servicesKnowNoHttpShapes() {
        return noClasses().that().resideInAPackage("..service..")
                .should().dependOnClassesThat().resideInAPackage("dev.consentry..rest..")
                .because("resources map requests to service commands (records in service/), so the HTTP shape can "
                        + "change without touching the rules");
    }

    /** Panache's active-record methods (find, list, persist, delete...) are called only by repositories. */
    public static ArchRule entityQueriesLiveInRepositories() {
        return noClasses().that().resideOutsideOfPackage("..repository..")
                .should().callMethodWhere(declaredIn(PANACHE_ENTITY))
                .because("entities are read and written through their repository in repository/");
    }

    /** SQL and HQL statements over the ORM session are written only in repositories. */
    public static ArchRule sqlLivesInRepositories() {
        return noClasses().that().resideOutsideOfPackage("..repository..")
                .should().callMethodWhere(sessionQuery())
                .because("a statement the ORM cannot express is a repository method");
    }

    /** The reactive pool without an ORM session is for hot read paths, each a reader in repository/. */
    public static ArchRule poolLivesInRepositories() {
        return noClasses().that().resideOutsideOfPackage("..repository..")
                .should().dependOnClassesThat().resideInAPackage("io.vertx.mutiny.sqlclient..")
                .because("hot read paths use the reactive pool from a reader in repository/");
    }

    /** JDBC (its own connection, COPY) is the platform's, never a service's. */
    public static ArchRule noJdbcInServices() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("work that needs its own connection is a platform mechanism (outbox relay, retention of "
                        + "idempotency keys)");
    }

    /** Resources call services; transactions and sessions are opened by services (or the platform), never by rest/. */
    public static ArchRule transactionsStartInServices() {
        return noClasses().that().resideInAPackage("dev.consentry..rest..")
                .should().callMethodWhere(DescribedPredicate.describe("Panache.withTransaction or withSession",
                        call -> call.getTarget().getOwner().getName().equals(PANACHE)
                                && call.getTarget().getName().startsWith("with")))
                .because("a resource maps HTTP to a service command; the service decides its transaction");
    }

    /**
     * A resource with a reactive method runs its work to the end when the caller hangs up ({@code RunsToCompletion}):
     * a cancelled transaction would otherwise keep its database connection for good.
     */
    public static ArchRule reactiveResourcesRunToCompletion() {
        return classes().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .and(DescribedPredicate.describe("with a method returning Uni", c -> c.getMethods().stream()
                        .anyMatch(m -> m.getRawReturnType().getName().equals("io.smallrye.mutiny.Uni"))))
                .should().beAnnotatedWith("dev.consentry.platform.http.RunsToCompletion")
                .because("the REST layer cancels a request's Uni when its connection closes, and a transaction "
                        + "cancelled half-way never gives its connection back (quarkusio/quarkus#51576)");
    }

    /** Entities are in model/. */
    public static ArchRule entitiesLiveInModel() {
        return classes().that().areAnnotatedWith("jakarta.persistence.Entity")
                .should().resideInAPackage("..model..");
    }

    private static DescribedPredicate<JavaCall<?>> declaredIn(String owner) {
        return DescribedPredicate.describe("a method declared in " + owner, call -> call.getTarget().resolveMember()
                .map(m -> m.getOwner().getName().equals(owner)).orElse(false));
    }

    private static DescribedPredicate<JavaCall<?>> sessionQuery() {
        return DescribedPredicate.describe("a query method of the ORM session", call ->
                call.getTarget().getOwner().getName().equals(SESSION) && QUERY_METHODS.contains(call.getTarget().getName()));
    }
}
