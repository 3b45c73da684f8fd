package org.huzhu.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Claims a test hands in at an agency of its own, with the stay it chooses. */
public final class TestClaims {

    private TestClaims() {
    }

    /** Submitted by the admin for a new member of the agency; a stay of ten days from admission. */
    public static long submit(Api api, String agencyCode, LocalDate admission, List<String> documents) {
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(agencyCode, "EMPLOYEE"), "1500.00");
        claim.put("admissionDate", admission.toString());
        claim.put("dischargeDate", admission.plusDays(10).toString());
        claim.put("documents", documents);
        return Api.require(api.post("admin", "/api/claims", claim), 201).body().get("id").asLong();
    }

    public static long submit(Api api, String agencyCode, LocalDate admission) {
        return submit(api, agencyCode, admission, ClaimRequests.ALL_DOCUMENTS);
    }

    public static String processOf(JdbcClient jdbc, long claimId) {
        return jdbc.sql("select process_instance_id from claim where id = :id").param("id", claimId)
                .query(String.class).single();
    }
}
