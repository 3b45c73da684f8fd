package org.huzhu.claim;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/** One step in a claim's history: who did what, when, and why. */
public record ClaimEvent(long id, long claimId, String step, String actor, Instant occurredAt, String decision,
                         String reason) {

    /** The retention rule let go of the claim's files (its reason says how many and why). */
    public static final String PAPERS_DELETED = "PAPERS_DELETED";

    /** The steps that are no audit stage, in the words of the claim page. */
    private static final Map<String, String> STEPS = Map.of(
            "SUBMITTED", "受理提交",
            "PRE_CHECK", "自动预审",
            "SUPPLEMENTED", "补交材料",
            "SUBSIDY_CALCULATED", "计算补助",
            "APPROVED_FOR_PAYOUT", "审批完成",
            "ACCOUNT_FIXED", "更正收款账户",
            "PAID", "支付到账",
            PAPERS_DELETED, "材料文件按期删除",
            "REVIEW_REQUESTED", "申请复核");

    /** The steps besides the audit stages that decide where a claim goes. */
    private static final Set<String> DECIDING = Set.of("PRE_CHECK", "APPROVED_FOR_PAYOUT");

    /** Whether the step decided on the claim (the pre-check, a check by people, the approval for payout): the approval path. */
    public static boolean decides(String step) {
        return DECIDING.contains(step) || Arrays.stream(AuditStage.values()).anyMatch(stage -> stage.name().equals(step));
    }

    /** A step of a claim's history in words, e.g. 代办点审核; what has no words reads as recorded. */
    public static String stepLabel(String step) {
        return Arrays.stream(AuditStage.values()).filter(stage -> stage.name().equals(step)).map(AuditStage::label)
                .findFirst().orElse(STEPS.getOrDefault(step, step));
    }

    /** An auditor's decision or the pre-check's finding in words, e.g. 驳回 or 材料不全. */
    public static String outcomeLabel(String outcome) {
        for (Decision known : Decision.values()) {
            if (known.name().equals(outcome)) {
                return known.label();
            }
        }
        for (PreCheckOutcome known : PreCheckOutcome.values()) {
            if (known.name().equals(outcome)) {
                return known.label();
            }
        }
        return outcome;
    }

    /** A step and its outcome in words, e.g. 代办点审核：通过 or 自动预审：材料不全. */
    public static String describe(String step, String outcome) {
        return outcome == null ? stepLabel(step) : stepLabel(step) + "：" + outcomeLabel(outcome);
    }
}
