package org.huzhu.claim;

import java.util.Map;
import java.util.Set;

import org.huzhu.notification.Outbox;
import org.huzhu.scheme.DocumentKind;
import org.springframework.stereotype.Component;

/**
 * What a claim tells its member, written to the outbox in the transaction of the step it tells
 * of. Each message has a key of its own, so a repeated step writes it once.
 */
@Component
public class MemberNotices {

    /** How to ask for a review; the rule sets have no review window yet, so it names no number of days. */
    static final String HOW_TO_ASK_FOR_A_REVIEW = "如对结果有异议，可在收到本通知之日起通过线上快办或代办点申请复核。";

    private final Outbox outbox;

    MemberNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The claim was taken in: its number is the one on the receipt (受理回执). */
    void received(Claim claim) {
        String number = String.valueOf(claim.id());
        write(claim, "CLAIM_RECEIVED", Map.of("occasion", claim.occasion(), "receiptNumber", number),
                "您" + claim.occasion() + "的互助补助申请已受理，申请编号" + number + "，可凭此编号查询办理进度。");
    }

    void supplementsNeeded(Claim claim, Set<DocumentKind> missing) {
        String items = String.join("、", missing.stream().map(DocumentKind::label).toList());
        outbox.toMember(claim.memberId(), claim.id(), "SUPPLEMENTS_NEEDED",
                "SUPPLEMENTS_NEEDED:" + claim.id() + ":" + String.join(",", missing.stream().map(Enum::name).sorted().toList()),
                Map.of("occasion", claim.occasion(), "items", items),
                "您" + claim.occasion() + "的互助补助申请材料不全，请补交：" + items + "。");
    }

    /** Every check approved: the amount that is being paid. */
    void approved(Claim claim) {
        String amount = claim.subsidy().toPlainString();
        write(claim, "CLAIM_APPROVED", Map.of("occasion", claim.occasion(), "amount", amount),
                "您" + claim.occasion() + "的互助补助申请已审核通过，核定补助金" + amount + "元"
                        + (claim.subsidy().signum() > 0 ? "，将尽快支付至您登记的银行账户。" : "，无需转账。"));
    }

    /** Tells the member how the claim ended; a repeated call changes nothing. */
    public void outcome(Claim claim) {
        switch (claim.status()) {
            case PAID -> {
                String account = last4(claim.bankAccount().accountNumber());
                write(claim, "PAID", Map.of("occasion", claim.occasion(), "amount", claim.subsidy().toPlainString(),
                        "account", account), "您" + claim.occasion() + "的互助补助申请已审核通过，补助金"
                        + claim.subsidy() + "元已支付至尾号" + account + "的银行账户。");
            }
            case REJECTED -> write(claim, "REJECTED", Map.of("occasion", claim.occasion(), "reason",
                    claim.rejectionReason()), "您" + claim.occasion() + "的互助补助申请未获通过，原因："
                    + claim.rejectionReason() + "。" + HOW_TO_ASK_FOR_A_REVIEW);
            default -> throw new IllegalStateException("claim " + claim.id() + " has no outcome yet: " + claim.status());
        }
    }

    private void write(Claim claim, String kind, Map<String, String> params, String text) {
        outbox.toMember(claim.memberId(), claim.id(), kind, kind + ":" + claim.id(), params, text);
    }

    private static String last4(String accountNumber) {
        return accountNumber.substring(accountNumber.length() - 4);
    }

}
