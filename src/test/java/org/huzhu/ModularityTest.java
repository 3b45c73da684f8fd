package org.huzhu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module graph: each top-level package under org.huzhu is a module that others reach only
 * through the public types of its base package (never its sub-packages, such as {@code web}),
 * dependencies point one way, and the engine stays in its corner. Writes the module diagram
 * and one canvas per module into docs/modules/, so the picture is current after every test run.
 */
class ModularityTest {

    static final Path DOCS = Path.of("docs", "modules");
    static final Pattern GENERATED = Pattern.compile("components\\.puml|module-[a-z]+\\.adoc");

    static ApplicationModules modules;
    static JavaClasses huzhu;

    @BeforeAll
    static void importClasses() {
        modules = ApplicationModules.of(HuzhuApplication.class);
        huzhu = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.huzhu");
    }

    /** No cycles, no reaching into another module's sub-packages, only the dependencies a package-info.java allows. */
    @Test
    void modulesKeepToEachOthersApis() {
        modules.verify();
    }

    @Test
    void theModuleDiagramAndCanvasesAreWrittenIntoDocs() throws IOException {
        // The Documenter would empty the folder, the hand-written README.md with it: only what it wrote goes.
        try (Stream<Path> written = Files.list(Files.createDirectories(DOCS))) {
            for (Path file : written.filter(f -> GENERATED.matcher(f.getFileName().toString()).matches()).toList()) {
                Files.delete(file);
            }
        }
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()).withoutClean())
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML))
                .writeModuleCanvases(CanvasOptions.defaults());
        sortModulesAndArrows(DOCS.resolve("components.puml"));
        String diagram = Files.readString(DOCS.resolve("components.puml"));
        for (ApplicationModule module : modules) {
            assertThat(diagram).contains(module.getDisplayName());
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile();
        }
    }

    /**
     * Modulith lists the modules and arrows in an order that moves with unrelated changes of the
     * code; sorted, the file changes only when the picture does.
     */
    private static void sortModulesAndArrows(Path diagram) throws IOException {
        List<String> lines = Files.readAllLines(diagram);
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("component ")).findFirst().orElseThrow());
        int end = lines.indexOf("@enduml");
        List<String> body = new ArrayList<>(lines.subList(first, end));
        body.sort(Comparator.comparing((String l) -> !l.startsWith("component ")).thenComparing(Comparator.naturalOrder()));
        List<String> sorted = new ArrayList<>(lines.subList(0, first));
        sorted.addAll(body);
        sorted.addAll(lines.subList(end, lines.size()));
        Files.write(diagram, sorted);
    }

    /** Each of these says in its package-info.java why it imports Camunda. */
    @Test
    void onlyWorkflowInboxRevisionSecurityAndDemoTouchTheEngine() {
        noClasses().that().resideOutsideOfPackages("org.huzhu.workflow..", "org.huzhu.inbox..", "org.huzhu.revision..",
                        "org.huzhu.security..", "org.huzhu.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..").check(huzhu);
    }

    @Test
    void theSubsidyRulesArePlainJava() {
        noClasses().that().resideInAPackage("org.huzhu.scheme")
                .and().haveSimpleNameNotEndingWith("RuleSets")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "java.sql..")
                .check(huzhu);
    }

    @Test
    void domainModulesDoNotReachUpIntoTheProcessOrPayout() {
        noClasses().that().resideInAnyPackage("org.huzhu.claim..", "org.huzhu.membership..", "org.huzhu.scheme..")
                .should().dependOnClassesThat().resideInAnyPackage("org.huzhu.workflow..", "org.huzhu.inbox..",
                        "org.huzhu.revision..", "org.huzhu.payout..", "org.huzhu.demo..", "org.huzhu.sla..")
                .check(huzhu);
        noClasses().that().resideInAnyPackage("org.huzhu.membership..", "org.huzhu.scheme..")
                .should().dependOnClassesThat().resideInAPackage("org.huzhu.claim..").check(huzhu);
        noClasses().that().resideInAnyPackage("org.huzhu.platform..", "org.huzhu.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.huzhu.claim..", "org.huzhu.membership..",
                        "org.huzhu.scheme..", "org.huzhu.payout..", "org.huzhu.workflow..", "org.huzhu.inbox..",
                        "org.huzhu.revision..", "org.huzhu.sla..")
                .check(huzhu);
    }

    @Test
    void theSlaModuleLeansOnlyOnTheDomainAndThePlatform() {
        noClasses().that().resideInAPackage("org.huzhu.sla..")
                .should().dependOnClassesThat().resideInAnyPackage("org.huzhu.workflow..", "org.huzhu.inbox..",
                        "org.huzhu.revision..", "org.huzhu.payout..", "org.huzhu.demo..")
                .check(huzhu);
    }

    static final Path SOURCES = Path.of("src", "main", "java", "org", "huzhu");
    private static final Pattern OWNS = Pattern.compile("Owns\\s+the\\s+tables?\\s+([^.;]*)");
    private static final Pattern CODE = Pattern.compile("\\{@code\\s+([a-z_]+)}");
    private static final Pattern TABLE_IN_SQL = Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_]+)\\b");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    /** Reads across modules still to move behind the owner's type: class and the foreign table it reads. */
    private static final Set<String> NOT_YET_MOVED = Set.of(
            "claim/ClaimSummaries.java member", "claim/ClaimSummaries.java agency",
            "claim/ClaimApprovalFacts.java scheme");

    /**
     * Each module's SQL names only the tables its package-info.java says it owns; {@code reporting}
     * holds the read models across modules and may read every table.
     */
    @Test
    void modulesQueryOnlyTheirOwnTables() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        try (Stream<Path> infos = Files.list(SOURCES)) {
            for (Path module : infos.filter(Files::isDirectory).toList()) {
                String info = Files.readString(module.resolve("package-info.java")).replaceAll("\\s*\\*\\s+", " ");
                Matcher owns = OWNS.matcher(info);
                while (owns.find()) {
                    CODE.matcher(owns.group(1)).results().forEach(m -> owner.put(m.group(1), module.getFileName().toString()));
                }
            }
        }
        assertThat(owner).containsKeys("claim", "claim_event", "organiser", "payment", "claim_sla", "audit_event");
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                if (module.equals("reporting") || SOURCES.relativize(file).getNameCount() == 1) {
                    continue;
                }
                String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
                Matcher table = TABLE_IN_SQL.matcher(code);
                while (table.find()) {
                    String tableOwner = owner.get(table.group(1));
                    String where = SOURCES.relativize(file).toString().replace('\\', '/');
                    if (tableOwner != null && !tableOwner.equals(module)
                            && !NOT_YET_MOVED.contains(where + " " + table.group(1))) {
                        foreign.add(where + " reads " + table.group(1) + " of " + tableOwner);
                    }
                }
            }
        }
        assertThat(foreign).as("SQL on another module's tables (ask the owner's type, or make it a read model in reporting)")
                .isEmpty();
    }
}
