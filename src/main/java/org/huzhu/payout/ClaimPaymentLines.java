package org.huzhu.payout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return instructions.ofClaims(List.of(claimId)).stream().map(ClaimPaymentLines::line).toList();
    }

    @Override
    public Map<Long, List<Line>> ofClaims(Collection<Long> claimIds) {
        Map<Long, List<Line>> byClaim = new LinkedHashMap<>();
        for (PaymentInstruction instruction : instructions.ofClaims(claimIds)) {
            byClaim.computeIfAbsent(instruction.claimId(), claim -> new ArrayList<>()).add(line(instruction));
        }
        return byClaim;
    }

    private static Line line(PaymentInstruction i) {
        return new Line(i.id(), i.attempt(), i.status().name(), i.amount(), i.accountMasked(), i.returnReason(),
                i.funders().stream().map(f -> new Funder(f.code(), f.name(), f.amount())).toList());
    }

    @Override
    public String statusLabel(String status) {
        return PaymentStatus.valueOf(status).label();
    }
}
