package dev.gazette;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of docs/architecture.md, checked on the compiled main classes: which package of Gazette may use
 * which. A new package, or a new arrow between two, is added to {@link #MAY_USE} (and to the doc) on purpose.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.gazette";

    /**
     * Every package under dev.gazette and the packages of ours it may use: the one list of allowed arrows.
     * Libraries (Java, Javalin, Jdbi…) are not listed; only arrows between Gazette's own packages are.
     */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("spam", Set.of()),
            Map.entry("store", Set.of()),
            Map.entry("text", Set.of()),
            Map.entry("web", Set.of()),
            Map.entry("account", Set.of("store", "text", "web")),
            Map.entry("article", Set.of("account", "store", "web")),
            Map.entry("privacy", Set.of("account", "store", "text", "web")),
            Map.entry("comment", Set.of("article", "privacy", "spam", "store", "text", "web")),
            Map.entry("moderation", Set.of("account", "comment", "spam", "store", "web")),
            Map.entry("settings", Set.of("account", "comment", "privacy", "store", "web")),
            Map.entry("akismet", Set.of("account", "spam", "store", "web")),
            Map.entry("syndication", Set.of("account", "article", "comment", "store", "web")),
            Map.entry("mail", Set.of("account", "article", "comment", "store", "web")),
            Map.entry("media", Set.of("account", "article", "store", "web")),
            Map.entry("ops", Set.of("spam", "web")),
            Map.entry("app", Set.of("account", "akismet", "article", "comment", "mail", "media", "moderation", "ops",
                    "privacy", "settings", "spam", "store", "syndication", "text", "web")));

    /** Domain classes: what they decide holds without a request, so they use no part of the HTTP kit. */
    static final Set<String> DOMAIN = Set.of(ROOT + ".account.Accounts", ROOT + ".account.Role",
            ROOT + ".account.Sessions", ROOT + ".moderation.Moderation", ROOT + ".comment.CommentValidator");

    private static JavaClasses gazette;

    @BeforeAll
    static void importMainClasses() {
        gazette = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageIsInTheTable() {
        Set<String> found = gazette.stream().map(ArchitectureTest::topPackage)
                .filter(p -> !p.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).as("packages under dev.gazette; list a new one in MAY_USE and docs/architecture.md")
                .containsExactlyInAnyOrderElementsOf(MAY_USE.keySet());
        assertThat(gazette.stream().filter(c -> topPackage(c).isEmpty()).map(JavaClass::getName))
                .as("classes directly in dev.gazette, outside every room").isEmpty();
    }

    @Test
    void spamImportsNothingOfOurs() {
        check(noClasses().that().resideInAPackage(ROOT + ".spam..").should().dependOnClassesThat(
                resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".spam.."))))
                .because("the shield is a library another program could embed"));
    }

    @Test
    void storeImportsNothingOfOurs() {
        check(noClasses().that().resideInAPackage(ROOT + ".store..").should().dependOnClassesThat(
                resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".store.."))))
                .because("every feature keeps its own SQL; the store only opens, migrates and hands out connections"));
    }

    @Test
    void nothingImportsApp() {
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".app..").should()
                .dependOnClassesThat().resideInAPackage(ROOT + ".app..")
                .because("app is the composition root: it builds the rest and nothing reaches back into it"));
    }

    @Test
    void webImportsNoFeature() {
        check(noClasses().that().resideInAPackage(ROOT + ".web..").should().dependOnClassesThat(
                resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".web.."))))
                .because("web is the HTTP kit every feature's routes use; a feature shows in a page through a slot"));
    }

    @Test
    void domainClassesUseNoPartOfWeb() {
        assertThat(DOMAIN).as("every domain class the rule names exists").allMatch(gazette::contain);
        check(noWebIn(DOMAIN));
    }

    @Test
    void theDomainRuleCatchesAClassThatUsesWeb() {
        // The staff guard is HTTP through and through: named as domain, the rule must fail on it.
        EvaluationResult result = noWebIn(Set.of(ROOT + ".account.StaffGuard")).evaluate(gazette);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("dev.gazette.web.");
    }

    @Test
    void noCyclesBetweenPackages() {
        check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
    }

    @Test
    void eachPackageUsesOnlyWhatTheTableAllows() {
        MAY_USE.forEach((pkg, allowed) -> check(tableRule(pkg, allowed)));
    }

    @Test
    void theTableRuleCatchesAnArrowItDoesNotList() {
        // comment reads articles today; a table without that arrow must fail, naming the class that uses it.
        Set<String> withoutArticle = new TreeSet<>(MAY_USE.get("comment"));
        withoutArticle.remove("article");
        EvaluationResult result = tableRule("comment", withoutArticle).evaluate(gazette);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("dev.gazette.comment.Comments");
    }

    private static ArchRule tableRule(String pkg, Set<String> allowed) {
        String own = ROOT + "." + pkg + "..";
        String[] others = allowed.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
        return classes().that().resideInAPackage(own).should().onlyDependOnClassesThat(
                        not(resideInAPackage(ROOT + "..")).or(resideInAPackage(own)).or(resideInAnyPackage(others)))
                .because(pkg + " may use " + (allowed.isEmpty() ? "nothing else of Gazette" : new TreeSet<>(allowed)));
    }

    private static ArchRule noWebIn(Set<String> classNames) {
        return noClasses().that(DescribedPredicate.describe("are one of " + new TreeSet<>(classNames),
                        (JavaClass c) -> classNames.contains(c.getName())))
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".web..")
                .because("staff identity, permissions, the activity log and the email check live outside the HTTP kit");
    }

    private static void check(ArchRule rule) {
        rule.check(gazette);
    }

    private static String topPackage(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) return "";
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
