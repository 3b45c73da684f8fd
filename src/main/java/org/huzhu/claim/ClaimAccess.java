package org.huzhu.claim;

import java.util.Set;
import java.util.TreeSet;

import org.huzhu.membership.Agency;
import org.huzhu.membership.Organisations;
import org.huzhu.platform.DomainException;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Component;

/** Who may see and handle which claims: agency staff their own agency's, the league all. */
@Component
public class ClaimAccess {

    private final Organisations organisations;

    ClaimAccess(Organisations organisations) {
        this.organisations = organisations;
    }

    public void requireRead(Staff staff, Claim claim) {
        if (!mayRead(staff, agencyCode(claim))) {
            throw DomainException.forbidden("CLAIM_OF_OTHER_AGENCY", "无权查看其他代办点的申请");
        }
    }

    /** A member's claims and subsidies are for their agency's staff and the league. */
    public void requireMemberRead(Staff staff, String agencyCode) {
        if (!mayRead(staff, agencyCode)) {
            throw DomainException.forbidden("MEMBER_OF_OTHER_AGENCY", "无权查看其他代办点会员的补助情况");
        }
    }

    private static boolean mayRead(Staff staff, String agency) {
        return readsEveryAgency(staff) || staff.worksAt(Role.CLERK, agency) || staff.worksAt(Role.AGENCY_AUDITOR, agency);
    }

    private static boolean readsEveryAgency(Staff staff) {
        return staff.hasAny(Role.LEAGUE_AUDITOR, Role.LEAGUE_HEAD, Role.COMMITTEE, Role.SUPERVISOR, Role.ADMIN);
    }

    /** The codes of the agencies whose claims the person may read; null for every agency (the league). */
    public Set<String> readableAgencies(Staff staff) {
        if (readsEveryAgency(staff)) {
            return null;
        }
        Set<String> agencies = new TreeSet<>(staff.agencies().getOrDefault(Role.CLERK, Set.of()));
        agencies.addAll(staff.agencies().getOrDefault(Role.AGENCY_AUDITOR, Set.of()));
        return agencies;
    }

    /**
     * Full ID and account numbers: only the claim's own agency staff, league auditors and
     * administrators, who need them to check papers or pay. Supervisors see masked values.
     */
    public void requirePersonalData(Staff staff, Claim claim) {
        if (!mayReadPersonalData(staff, claim)) {
            throw DomainException.forbidden("PERSONAL_DATA_NOT_ALLOWED", "无权查看完整的身份证号和银行账号");
        }
    }

    public boolean mayReadPersonalData(Staff staff, Claim claim) {
        if (staff.hasAny(Role.LEAGUE_AUDITOR, Role.LEAGUE_HEAD, Role.ADMIN)) {
            return true;
        }
        String agency = agencyCode(claim);
        return staff.worksAt(Role.CLERK, agency) || staff.worksAt(Role.AGENCY_AUDITOR, agency);
    }

    /** Taking claims in is the clerk's job at the member's agency; admins may do it anywhere. */
    public void requireIntake(Staff staff, String agencyCode) {
        if (staff.has(Role.ADMIN) || staff.worksAt(Role.CLERK, agencyCode)) {
            return;
        }
        throw DomainException.forbidden("NOT_CLERK_OF_AGENCY", "只能受理本代办点会员的申请");
    }

    public String agencyCode(Claim claim) {
        return organisations.agency(claim.agencyId()).map(Agency::code).orElseThrow();
    }
}
