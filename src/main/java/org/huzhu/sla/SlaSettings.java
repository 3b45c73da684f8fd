package org.huzhu.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the payment clock is read ({@code huzhu.sla.*}). The deadline itself comes from the
 * scheme's rule set; these apply to every scheme.
 *
 * @param defaultWorkingDays the deadline when a rule set gives none
 * @param atRiskWorkingDays  a claim is at risk with this many working days left or fewer
 * @param stageBudgets       working days each stage may use of the deadline
 */
@ConfigurationProperties("huzhu.sla")
public record SlaSettings(@DefaultValue("10") int defaultWorkingDays, @DefaultValue("2") int atRiskWorkingDays,
                          @DefaultValue StageBudgets stageBudgets) {

    public SlaSettings {
        if (defaultWorkingDays < 1 || atRiskWorkingDays < 0) {
            throw new IllegalArgumentException("huzhu.sla: default-working-days >= 1 and at-risk-working-days >= 0");
        }
    }

    public record StageBudgets(@DefaultValue("3") int agencyCheck, @DefaultValue("4") int leagueAudit,
                               @DefaultValue("3") int payout) {
    }

    public int budget(SlaStage stage) {
        return switch (stage) {
            case AGENCY_CHECK -> stageBudgets.agencyCheck();
            case LEAGUE_AUDIT -> stageBudgets.leagueAudit();
            case PAYOUT -> stageBudgets.payout();
            case REVIEW -> throw new IllegalArgumentException("the review's budget is its own deadline");
        };
    }
}
