package org.huzhu.claim;

import java.time.Clock;

import org.huzhu.platform.DomainException;
import org.huzhu.platform.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixes the account of a claim whose transfer the bank returned: the clerk takes the new
 * account from the member, and the claim is paid to it in a later batch.
 */
@Service
public class BankAccountChanges {

    private final Claims claims;
    private final ClaimHistory history;
    private final Clock clock;

    BankAccountChanges(Claims claims, ClaimHistory history, Clock clock) {
        this.claims = claims;
        this.history = history;
        this.clock = clock;
    }

    /** The account as entered, checked like one on a new claim; 400 with every problem otherwise. */
    public static BankAccount checked(ClaimSubmission.BankAccountInput input) {
        Problems problems = new Problems();
        SubmissionRules.checkBankAccount(input, problems);
        problems.throwIfAny();
        return new BankAccount(input.bankName().strip(), input.accountNumber(), input.accountName().strip());
    }

    @Transactional
    public void change(long claimId, ClaimSubmission.BankAccountInput input, String actor) {
        BankAccount account = checked(input);
        Claim claim = claims.get(claimId);
        if (claim.status() != ClaimStatus.PAYOUT) {
            throw DomainException.conflict("CLAIM_NOT_IN_PAYOUT", "只有待支付的申请才能更正收款账户");
        }
        claims.changeBankAccount(claimId, account);
        history.record(claimId, "ACCOUNT_FIXED", actor, clock.instant(), null,
                "收款账户由" + claim.bankAccount() + "更正为" + account);
    }
}
