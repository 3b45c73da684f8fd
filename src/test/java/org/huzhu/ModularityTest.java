package org.huzhu;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module graph: dependencies point one way, and the engine stays in its corner. */
class ModularityTest {

    static JavaClasses huzhu;

    @BeforeAll
    static void importClasses() {
        huzhu = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.huzhu");
    }

    @Test
    void capabilitiesFormNoCycles() {
        slices().matching("org.huzhu.(*)..").should().beFreeOfCycles().check(huzhu);
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
                .should().dependOnClassesThat().resideInAnyPackage("org.huzhu.workflow..", "org.huzhu.payout..", "org.huzhu.demo..",
                        "org.huzhu.sla..")
                .check(huzhu);
        noClasses().that().resideInAnyPackage("org.huzhu.membership..", "org.huzhu.scheme..")
                .should().dependOnClassesThat().resideInAPackage("org.huzhu.claim..").check(huzhu);
        noClasses().that().resideInAnyPackage("org.huzhu.platform..", "org.huzhu.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.huzhu.claim..", "org.huzhu.membership..",
                        "org.huzhu.scheme..", "org.huzhu.payout..", "org.huzhu.workflow..", "org.huzhu.sla..")
                .check(huzhu);
    }

    @Test
    void theSlaModuleLeansOnlyOnTheDomainAndThePlatform() {
        noClasses().that().resideInAPackage("org.huzhu.sla..")
                .should().dependOnClassesThat().resideInAnyPackage("org.huzhu.workflow..", "org.huzhu.payout..",
                        "org.huzhu.demo..")
                .check(huzhu);
    }
}
