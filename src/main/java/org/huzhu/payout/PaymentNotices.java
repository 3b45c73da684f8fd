package org.huzhu.payout;

import java.util.Map;

import org.huzhu.claim.Claim;
import org.huzhu.notification.Outbox;
import org.springframework.stereotype.Component;

/** What the payout tells the member, written to the outbox with the step: once per returned transfer. */
@Component
class PaymentNotices {

    private final Outbox outbox;

    PaymentNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The bank sent the transfer back: the member is asked to have the account corrected at the agency. */
    void returned(Claim claim, PaymentInstruction instruction, String reason) {
        String account = instruction.accountNumber().substring(instruction.accountNumber().length() - 4);
        String amount = instruction.amount().toPlainString();
        outbox.toMember(claim.memberId(), claim.id(), "PAYMENT_RETURNED", "PAYMENT_RETURNED:" + instruction.id(),
                Map.of("occasion", claim.occasion(), "amount", amount, "account", account, "reason", reason),
                "您" + claim.occasion() + "的互助补助金" + amount + "元转入尾号" + account + "的银行账户时被银行退回（" + reason
                        + "），请尽快到代办点核对并更正银行账户，更正后将重新支付。");
    }
}
