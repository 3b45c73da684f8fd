package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimSettlement;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.Claims;
import org.huzhu.membership.Organisations;
import org.huzhu.platform.DomainException;
import org.huzhu.scheme.Funding;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays an approved claim through payment instructions. An instruction is unique per claim and
 * attempt, and a claim has at most one that is not returned, so a retried step adds nothing;
 * the payment row is unique per claim, so no claim is confirmed paid twice.
 */
@Service
public class Payouts {

    private static final List<PaymentStatus> UNANSWERED = List.of(PaymentStatus.IN_BATCH, PaymentStatus.SENT);

    private final Claims claims;
    private final RuleSets ruleSets;
    private final Organisations organisations;
    private final ClaimSettlement settlement;
    private final PaymentInstructions instructions;
    private final Payments payments;
    private final PayoutProcess process;
    private final PaymentNotices notices;
    private final Clock clock;

    Payouts(Claims claims, RuleSets ruleSets, Organisations organisations, ClaimSettlement settlement,
            PaymentInstructions instructions, Payments payments, PayoutProcess process, PaymentNotices notices,
            Clock clock) {
        this.notices = notices;
        this.claims = claims;
        this.ruleSets = ruleSets;
        this.organisations = organisations;
        this.settlement = settlement;
        this.instructions = instructions;
        this.payments = payments;
        this.process = process;
        this.clock = clock;
    }

    /**
     * Orders the claim's payment, unless an order that is not returned exists already. A
     * subsidy of nothing needs no transfer: the claim is settled at once and false answered.
     */
    @Transactional
    public boolean instruct(long claimId) {
        Claim claim = claims.get(claimId);
        boolean transfer = claim.subsidy() != null && claim.subsidy().signum() > 0;
        if (claim.status() == ClaimStatus.PAID) {
            return transfer;
        }
        if (claim.status() != ClaimStatus.PAYOUT) {
            throw DomainException.conflict("CLAIM_NOT_APPROVED", "申请未经审核通过，不能支付");
        }
        if (!transfer) {
            settleWithoutTransfer(claim);
            return false;
        }
        int attempt = instructions.nextAttempt(claimId);
        Instant now = clock.instant();
        Optional<Long> created = instructions.add(claim, attempt, now);
        created.ifPresent(id -> {
            instructions.addShares(id, split(claim));
            instructions.recordMove(id, null, PaymentStatus.PENDING,
                    attempt == 1 ? "审核通过，生成付款指令" : "账户已更正，第" + attempt + "次付款", now);
        });
        return true;
    }

    private void settleWithoutTransfer(Claim claim) {
        Instant now = clock.instant();
        payments.addWithoutTransfer(claim, now);
        settlement.markPaid(claim.id(), now, "补助金为0元，无需转账");
    }

    private List<Funding.Part> split(Claim claim) {
        RuleSet ruleSet = ruleSets.byId(claim.ruleSetId());
        String organiserName = organisations.organiser(ruleSet.organiserCode()).orElseThrow().name();
        return Funding.split(ruleSet.definition().funding(), claim.subsidy(), ruleSet.organiserCode(), organiserName);
    }

    /**
     * The bank paid the instruction: the payment is recorded, the claim is paid and its process
     * goes on. False when the answer was already recorded (a result read twice).
     */
    @Transactional
    public boolean confirmed(long instructionId, BigDecimal amount, String batchNo) {
        PaymentInstruction instruction = answered(instructionId, amount);
        Instant now = clock.instant();
        if (!instructions.move(instructionId, UNANSWERED, PaymentStatus.CONFIRMED, "银行回盘：已入账（批次" + batchNo + "）", now)) {
            return false;
        }
        payments.addConfirmed(instruction, now);
        settlement.markPaid(instruction.claimId(), now, "付款指令" + instructionId + "，" + instruction.amount() + "元至"
                + instruction.bankName() + " " + instruction.accountMasked() + "，批次" + batchNo);
        process.confirmed(instruction.claimId());
        return true;
    }

    /** The bank sent the transfer back: the clerk fixes the account and the claim is paid in a later batch. */
    @Transactional
    public boolean returned(long instructionId, BigDecimal amount, String batchNo, String reason) {
        PaymentInstruction instruction = answered(instructionId, amount);
        String why = reason == null || reason.isBlank() ? "银行退票" : reason;
        if (!instructions.move(instructionId, UNANSWERED, PaymentStatus.RETURNED,
                "银行退票（批次" + batchNo + "）：" + why, clock.instant())) {
            return false;
        }
        instructions.recordReturnReason(instructionId, why);
        notices.returned(claims.get(instruction.claimId()), instruction, why);
        process.returned(instruction.claimId());
        return true;
    }

    private PaymentInstruction answered(long instructionId, BigDecimal amount) {
        PaymentInstruction instruction = instructions.find(instructionId)
                .orElseThrow(() -> new IllegalStateException("bank answered unknown instruction " + instructionId));
        if (instruction.amount().compareTo(amount) != 0) {
            throw new IllegalStateException("bank answered instruction " + instructionId + " for " + amount
                    + ", it was for " + instruction.amount());
        }
        return instruction;
    }
}
