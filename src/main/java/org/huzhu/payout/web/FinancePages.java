package org.huzhu.payout.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.huzhu.payout.PaymentBatch;
import org.huzhu.payout.PaymentBatches;
import org.huzhu.payout.PaymentInstructions;
import org.huzhu.payout.PaymentStatus;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.HomeFigure;
import org.huzhu.platform.HomeFigures;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Finance's place in the workbench: the pages on batches, payments, returns, reconciliation and
 * the fund (read by finance, supervisors and administrators, as the finance API), and on the
 * home page of finance and administrators what waits: returns, today's batches, the bank's answers.
 */
@Component
class FinancePages implements WorkbenchMenu, HomeFigures {

    private static final Set<String> READERS =
            Set.of(Role.FINANCE.authority(), Role.SUPERVISOR.authority(), Role.ADMIN.authority());
    private static final Set<String> WITH_FIGURES = Set.of(Role.FINANCE.authority(), Role.ADMIN.authority());

    private final PaymentBatches batches;
    private final PaymentInstructions instructions;
    private final Clock clock;

    FinancePages(PaymentBatches batches, PaymentInstructions instructions, Clock clock) {
        this.batches = batches;
        this.instructions = instructions;
        this.clock = clock;
    }

    @Override
    public List<MenuEntry> entries() {
        return List.of(
                new MenuEntry(MenuSection.FINANCE, "付款批次", "/finance/batches", READERS, true),
                new MenuEntry(MenuSection.FINANCE, "付款指令", "/finance/instructions", READERS, false),
                new MenuEntry(MenuSection.FINANCE, "退票待更正", "/finance/returns", READERS, true),
                new MenuEntry(MenuSection.FINANCE, "对账", "/finance/reconciliation", READERS, true),
                new MenuEntry(MenuSection.FINANCE, "缴费与补贴", "/finance/contributions", READERS, true),
                new MenuEntry(MenuSection.FINANCE, "基金结余", "/finance/fund", READERS, false));
    }

    @Override
    public List<HomeFigure> figuresFor(Authentication who) {
        if (who.getAuthorities().stream().noneMatch(held -> WITH_FIGURES.contains(held.getAuthority()))) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(Beijing.ZONE));
        List<PaymentBatch> todays = batches.ofDay(today);
        Map<PaymentStatus, Long> counts = instructions.countsByStatus();
        return List.of(
                new HomeFigure("退票待更正账户", instructions.awaitingAccountFix().size(), "/finance/returns",
                        HomeFigure.Tone.WARNING),
                new HomeFigure("今日付款批次", todays.size(), "/finance/batches?day=" + today, HomeFigure.Tone.PLAIN),
                new HomeFigure("今日批次付款笔数", todays.stream().mapToLong(PaymentBatch::lineCount).sum(),
                        "/finance/batches?day=" + today, HomeFigure.Tone.PLAIN),
                new HomeFigure("待银行回盘", counts.getOrDefault(PaymentStatus.SENT, 0L),
                        "/finance/instructions?status=SENT", HomeFigure.Tone.PLAIN));
    }
}
