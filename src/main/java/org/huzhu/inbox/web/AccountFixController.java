package org.huzhu.inbox.web;

import org.huzhu.claim.ClaimSubmission;
import org.huzhu.security.Staff;
import org.huzhu.inbox.AccountFixes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The clerk fixes the account of a claim whose transfer came back; it is paid in the next batch. */
@RestController
class AccountFixController {

    private final AccountFixes fixes;

    AccountFixController(AccountFixes fixes) {
        this.fixes = fixes;
    }

    @PostMapping("/api/claims/{id}/bank-account")
    ResponseEntity<Void> fix(@PathVariable long id, @RequestBody ClaimSubmission.BankAccountInput account,
                             @AuthenticationPrincipal Staff staff) {
        fixes.fix(id, account, staff);
        return ResponseEntity.noContent().build();
    }
}
