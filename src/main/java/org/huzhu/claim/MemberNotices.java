package org.huzhu.claim;

import java.util.Map;
import java.util.Optional;
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

    /**
     * Tells the member how the claim ended; a repeated call changes nothing. A rejection says
     * until when a review may be asked for, and a rejection after a review upheld is told anew.
     */
    public void outcome(Claim claim, Optional<ClaimReviews.Window> review) {
        switch (claim.status()) {
            case PAID -> {
                String account = last4(claim.bankAccount().accountNumber());
                write(claim, "PAID", Map.of("occasion", claim.occasion(), "amount", claim.subsidy().toPlainString(),
                        "account", account), "您" + claim.occasion() + "的互助补助申请已审核通过，补助金"
                        + claim.subsidy() + "元已支付至尾号" + account + "的银行账户。");
            }
            case REJECTED -> {
                String until = review.filter(window -> window.review().isEmpty())
                        .map(window -> window.lastDay().toString()).orElse("");
                outbox.toMember(claim.memberId(), claim.id(), "REJECTED", "REJECTED:" + claim.id()
                                + review.map(window -> ":" + window.rejection().id()).orElse(""),
                        Map.of("occasion", claim.occasion(), "reason", claim.rejectionReason(), "reviewUntil", until),
                        "您" + claim.occasion() + "的互助补助申请未获通过，原因：" + claim.rejectionReason() + "。"
                                + (until.isEmpty() ? "如有疑问请联系代办点。"
                                : "如对结果有异议，可在" + until + "前（含当日）通过线上快办或代办点申请复核。"));
            }
            default -> throw new IllegalStateException("claim " + claim.id() + " has no outcome yet: " + claim.status());
        }
    }

    /** The member's request for the review of the rejection was received; once per review. */
    void reviewRequested(Claim claim, ClaimReview review) {
        outbox.toMember(claim.memberId(), claim.id(), "REVIEW_REQUESTED", "REVIEW_REQUESTED:" + review.id(),
                Map.of("occasion", claim.occasion(), "days", Integer.toString(review.deadlineWorkingDays())),
                "您" + claim.occasion() + "的互助补助申请的复核申请已受理，将在" + review.deadlineWorkingDays()
                        + "个工作日内作出复核结论。");
    }

    /** The review's outcome: upheld, the claim is audited again; refused, the rejection is final, with the reason. */
    void reviewOutcome(Claim claim, ClaimReview review) {
        String reason = review.decisionReason() == null ? "" : review.decisionReason();
        if (ClaimReview.UPHELD.equals(review.outcome())) {
            outbox.toMember(claim.memberId(), claim.id(), "REVIEW_UPHELD", "REVIEW_OUTCOME:" + review.id(),
                    Map.of("occasion", claim.occasion(), "step", review.restartStep().label()),
                    "您" + claim.occasion() + "的互助补助申请经复核撤销驳回，已从" + review.restartStep().label()
                            + "起重新审核，审核通过后按新的支付时限付款。");
        } else {
            outbox.toMember(claim.memberId(), claim.id(), "REVIEW_REFUSED", "REVIEW_OUTCOME:" + review.id(),
                    Map.of("occasion", claim.occasion(), "reason", reason),
                    "您" + claim.occasion() + "的互助补助申请经复核维持驳回，原因：" + reason + "。此为最终结论。");
        }
    }

    private void write(Claim claim, String kind, Map<String, String> params, String text) {
        outbox.toMember(claim.memberId(), claim.id(), kind, kind + ":" + claim.id(), params, text);
    }

    private static String last4(String accountNumber) {
        return accountNumber.substring(accountNumber.length() - 4);
    }

}
