package org.huzhu.support;

import java.util.List;

import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;

/**
 * A union of its own for a test that publishes rules, so its revisions never change the demo
 * organiser's rules other tests rely on. It has one agency, {@code <code>-A}, whose agency
 * auditor is the user {@code <code>-auditor} (password demo).
 */
public final class TestOrganisers {

    private TestOrganisers() {
    }

    /** Creates the organiser and its agency; answers the organiser's code. */
    public static String create(OrganisationRegistry organisations, IdentityBootstrap identities) {
        String code = TestIds.code("ORG");
        long organiser = organisations.ensureOrganiser(code, "测试总工会" + code);
        organisations.ensureAgency(agency(code), "测试代办点" + code, organiser);
        identities.ensureUser(auditor(code), "测试", "审核员", "demo", List.of("agency-auditor", "agency-auditor-" + agency(code)));
        return code;
    }

    public static String agency(String organiser) {
        return organiser + "-A";
    }

    public static String auditor(String organiser) {
        return organiser + "-auditor";
    }
}
