package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.huzhu.membership.EnrolmentImport;
import org.huzhu.membership.Organisations;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.Money;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Staff;
import org.springframework.dao.DuplicateKeyException;
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
    private final EnrolmentImport imports;
    private final Clock clock;

    Fund(FundContributions contributions, Payments payments, PaymentInstructions instructions, RuleSets ruleSets,
         Organisations organisations, EnrolmentImport imports, Clock clock) {
        this.contributions = contributions;
        this.payments = payments;
        this.instructions = instructions;
        this.ruleSets = ruleSets;
        this.organisations = organisations;
        this.imports = imports;
        this.clock = clock;
    }

    /**
     * Records a contribution or subsidy; 400 with every problem and nothing stored when it is
     * wrong, 409 when the import it pays for has its contribution already.
     */
    @Transactional
    public long record(ContributionInput input, Staff staff) {
        check(input);
        if (input.enrolmentImportId() != null) {
            Long earlier = contributions.ofImports(List.of(input.enrolmentImportId())).get(input.enrolmentImportId());
            if (earlier != null) {
                throw alreadyRecorded(earlier);
            }
        }
        boolean fromUnit = input.unitCode() != null;
        BigDecimal amount = fromUnit ? Money.roundToFen(input.perMember().multiply(BigDecimal.valueOf(input.members())))
                : input.amount();
        try {
            return contributions.add(input, amount, staff.userId(), clock.instant());
        } catch (DuplicateKeyException race) {
            // the same import recorded at the same moment by someone else: theirs stands (the
            // transaction is spoilt, so its number is not read here)
            throw alreadyRecorded(null);
        }
    }

    private static DomainException alreadyRecorded(Long id) {
        return DomainException.conflict("IMPORT_ALREADY_RECORDED", "这份参保名单的单位缴费已登记"
                + (id == null ? "" : "（登记编号 " + id + "）"));
    }

    public Optional<Contribution> contribution(long id) {
        return contributions.find(id);
    }

    /** An import that enrolled members, with the contribution recorded for it if any. */
    public record ImportToCharge(EnrolmentImport.Imported imported, Long contributionId) {
    }

    /** The newest imports that enrolled anyone, each with its contribution if recorded. */
    public List<ImportToCharge> recentImports(int limit) {
        List<EnrolmentImport.Imported> recent = imports.recentImports(limit);
        Map<Long, Long> recorded = contributions.ofImports(recent.stream().map(EnrolmentImport.Imported::id).toList());
        return recent.stream().map(i -> new ImportToCharge(i, recorded.get(i.id()))).toList();
    }

    public Optional<EnrolmentImport.Imported> imported(long id) {
        return imports.imported(id);
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
        if (input.enrolmentImportId() != null) {
            matchesImport(input, problems);
        }
        if (input.note() != null && input.note().length() > 200) {
            problems.add("note", "TOO_LONG", "备注最多200个字");
        }
        problems.throwIfAny();
    }

    /** A contribution for an import is the import's: its unit, scheme, first year and head count. */
    private void matchesImport(ContributionInput input, Problems problems) {
        Optional<EnrolmentImport.Imported> found = imports.imported(input.enrolmentImportId());
        if (found.isEmpty()) {
            problems.add("enrolmentImportId", "UNKNOWN_IMPORT", "没有这次参保名单导入");
            return;
        }
        EnrolmentImport.Imported imported = found.get();
        if (input.unitCode() == null || !input.unitCode().equals(imported.unitCode())) {
            problems.add("unitCode", "NOT_THE_IMPORTS", "这份参保名单是单位 " + imported.unitCode() + " 的");
        }
        if (!imported.scheme().equals(input.scheme())) {
            problems.add("scheme", "NOT_THE_IMPORTS", "这份参保名单是项目 " + imported.scheme() + " 的");
        }
        if (input.schemeYear() == null || input.schemeYear() != imported.validFrom().getYear()) {
            problems.add("schemeYear", "NOT_THE_IMPORTS", "这份参保名单的保障年度是" + imported.validFrom().getYear() + "年");
        }
        if (input.members() == null || input.members() != imported.enrolled()) {
            problems.add("members", "NOT_THE_IMPORTS", "这份参保名单导入了" + imported.enrolled() + "人");
        }
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
