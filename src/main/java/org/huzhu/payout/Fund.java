package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.huzhu.membership.Organisations;
import org.huzhu.platform.Money;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records money into the fund, lists what was recorded and answers a scheme year's balance at any time. */
@Service
public class Fund {

    private final FundContributions contributions;
    private final Payments payments;
    private final PaymentInstructions instructions;
    private final RuleSets ruleSets;
    private final Organisations organisations;
    private final Clock clock;

    Fund(FundContributions contributions, Payments payments, PaymentInstructions instructions, RuleSets ruleSets,
         Organisations organisations, Clock clock) {
        this.contributions = contributions;
        this.payments = payments;
        this.instructions = instructions;
        this.ruleSets = ruleSets;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Records a contribution or subsidy; 400 with every problem and nothing stored when it is wrong. */
    @Transactional
    public long record(ContributionInput input, Staff staff) {
        check(input);
        boolean fromUnit = input.unitCode() != null;
        BigDecimal amount = fromUnit ? Money.roundToFen(input.perMember().multiply(BigDecimal.valueOf(input.members())))
                : input.amount();
        return contributions.add(input, amount, staff.userId(), clock.instant());
    }

    /** A scheme year with money in or out. */
    public record SchemeYear(String scheme, int year) {
    }

    /** Every scheme year that has a contribution, a subsidy or a payment, newest year first. */
    public List<SchemeYear> years() {
        return contributions.years();
    }

    /** The newest recorded contributions and subsidies first, at most {@code limit}. */
    public List<Contribution> contributions(int limit) {
        return contributions.newest(limit);
    }

    /** Every problem of the input at once (400), nothing stored; returns when it would be recorded. */
    public void check(ContributionInput input) {
        Problems problems = new Problems();
        if (input.scheme() == null || ruleSets.scheme(input.scheme()).isEmpty()) {
            problems.add("scheme", "UNKNOWN_SCHEME", "请填写已有的互助项目编码");
        }
        if (input.schemeYear() == null || input.schemeYear() < 2000 || input.schemeYear() > 2100) {
            problems.add("schemeYear", "INVALID_YEAR", "请填写保障年度（开始的年份，如2026）");
        }
        boolean fromUnit = input.unitCode() != null;
        if (fromUnit == (input.funderCode() != null)) {
            problems.add("unitCode", "UNIT_OR_FUNDER", "请填写缴费单位（unitCode）或补贴出资方（funderCode）之一");
        } else if (fromUnit) {
            if (organisations.unit(input.unitCode()).isEmpty()) {
                problems.add("unitCode", "UNKNOWN_UNIT", "单位不存在");
            }
            if (input.members() == null || input.members() <= 0) {
                problems.add("members", "NOT_POSITIVE", "参保人数须大于0");
            }
            positiveFen(problems, "perMember", input.perMember(), "每人缴费额");
        } else {
            positiveFen(problems, "amount", input.amount(), "补贴金额");
        }
        if (input.note() != null && input.note().length() > 200) {
            problems.add("note", "TOO_LONG", "备注最多200个字");
        }
        problems.throwIfAny();
    }

    public FundBalance balance(String scheme, int schemeYear) {
        return FundBalance.of(scheme, schemeYear, contributions.fromUnits(scheme, schemeYear),
                contributions.fromFunders(scheme, schemeYear), payments.total(scheme, schemeYear),
                instructions.confirmedByFunder(scheme, schemeYear));
    }

    private static void positiveFen(Problems problems, String field, BigDecimal value, String label) {
        if (value == null || value.signum() <= 0) {
            problems.add(field, "NOT_POSITIVE", label + "须大于0");
        } else if (!Money.isFenExact(value)) {
            problems.add(field, "TOO_MANY_DECIMALS", label + "最多保留两位小数（分）");
        }
    }
}
