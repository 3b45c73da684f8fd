package org.huzhu.claim;

import org.huzhu.audit.AuditTrail;
import org.huzhu.membership.Members;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;

/**
 * The full ID and account numbers of a claim, for those who need them to check papers or pay
 * ({@link ClaimAccess#requirePersonalData}); every read is recorded in the audit trail, whether
 * the API or the claim page asked.
 */
@Service
public class ClaimPersonalData {

    private final Claims claims;
    private final ClaimAccess access;
    private final Members members;
    private final AuditTrail audit;

    ClaimPersonalData(Claims claims, ClaimAccess access, Members members, AuditTrail audit) {
        this.claims = claims;
        this.access = access;
        this.members = members;
        this.audit = audit;
    }

    public record PersonalData(long claimId, String memberIdNumber, String bankAccountNumber, String bankAccountName) {
    }

    public PersonalData read(long claimId, Staff staff) {
        Claim claim = claims.get(claimId);
        access.requirePersonalData(staff, claim);
        audit.record(staff.userId(), "PERSONAL_DATA_VIEWED", "CLAIM", Long.toString(claimId), claimId, null);
        return new PersonalData(claimId, members.byId(claim.memberId()).idNumber(), claim.bankAccount().accountNumber(),
                claim.bankAccount().accountName());
    }
}
