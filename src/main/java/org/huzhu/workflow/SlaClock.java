package org.huzhu.workflow;

import java.util.Date;

import org.huzhu.platform.DomainException;
import org.huzhu.sla.ClaimClock;
import org.huzhu.sla.ClaimClocks;
import org.springframework.stereotype.Component;

/**
 * Bean {@code slaClock} for BPMN expressions: timer dates and task due dates from the claim's
 * payment clock, so the engine and our tables count working days with the same calendar.
 * A {@link Date} is used by the engine as it is; the duration business calendar stays untouched.
 * Public: the expression language calls only methods of public classes.
 */
@Component("slaClock")
public class SlaClock {

    private final ClaimClocks clocks;

    SlaClock(ClaimClocks clocks) {
        this.clocks = clocks;
    }

    /** The start of the day on which the claim has the at-risk working days left. */
    public Date atRiskAt(long claimId) {
        return Date.from(clock(claimId).atRiskAt());
    }

    /** The end of the due date: the payment deadline. */
    public Date dueAt(long claimId) {
        return Date.from(clock(claimId).dueAt());
    }

    private ClaimClock clock(long claimId) {
        return clocks.find(claimId).orElseThrow(() -> DomainException.conflict("CLOCK_NOT_STARTED",
                "申请" + claimId + "材料尚未齐全，支付时限未开始计算"));
    }
}
