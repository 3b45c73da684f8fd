package org.huzhu.payout;

import java.util.List;

import org.huzhu.claim.ClaimPayments;
import org.springframework.stereotype.Component;

/** The claim view's list of payment instructions, oldest attempt first. */
@Component
class ClaimPaymentLines implements ClaimPayments {

    private final PaymentInstructions instructions;

    ClaimPaymentLines(PaymentInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public List<Line> of(long claimId) {
        return instructions.ofClaims(List.of(claimId)).stream()
                .map(i -> new Line(i.id(), i.attempt(), i.status().name(), i.amount(), i.accountMasked(), i.returnReason(),
                        i.funders().stream().map(f -> new Funder(f.code(), f.name(), f.amount())).toList()))
                .toList();
    }

    @Override
    public String statusLabel(String status) {
        return PaymentStatus.valueOf(status).label();
    }
}
