package org.huzhu.support;

import java.util.List;

import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;

/**
 * A new agency of the demo organiser with its own agency auditor ({@code auditor-<code>},
 * password demo), so a test's figures per agency are its own.
 */
public final class TestAgencies {

    private TestAgencies() {
    }

    public static String create(OrganisationRegistry organisations, IdentityBootstrap identities) {
        String code = TestIds.code("AG");
        long organiser = organisations.ensureOrganiser("DEMO", "演示市总工会职工互助保障协会");
        organisations.ensureAgency(code, "测试代办点" + code, organiser);
        identities.ensureUser(auditor(code), "审核员", code, "demo",
                List.of(Role.AGENCY_AUDITOR.groupId(), Role.AGENCY_AUDITOR.atAgency(code)));
        return code;
    }

    public static String auditor(String agencyCode) {
        return "auditor-" + agencyCode;
    }
}
