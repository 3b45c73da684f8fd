package org.huzhu.scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.huzhu.platform.Money;
import org.huzhu.platform.Proportion;

/**
 * Who pays a claim's subsidy, when more than the organiser does (the Yinchuan grant: city
 * federation, district federation and an insurer). Fixed amounts are taken first, in order;
 * what is left is shared by the funders with a share, each cut down to the fen; the fen
 * left over go to {@code remainderTo}, so the parts always add up to the payout exactly.
 *
 * @param funders     in the order fixed amounts are taken
 * @param remainderTo the code of the funder who gets the fen left over (and the rest when
 *                    fixed amounts alone do not cover the payout)
 */
public record Funding(List<Funder> funders, String remainderTo) {

    public Funding {
        funders = funders == null ? List.of() : List.copyOf(funders);
    }

    /** One funder: either a share of what fixed amounts leave, or a fixed amount per payout. */
    public record Funder(String code, String name, @Proportion BigDecimal share, BigDecimal fixed) {
    }

    public record Part(String code, String name, BigDecimal amount) {
    }

    /** The payout split between the funders; with no funding it is all the organiser's. */
    public static List<Part> split(Funding funding, BigDecimal amount, String organiserCode, String organiserName) {
        if (funding == null || funding.funders().isEmpty()) {
            return List.of(new Part(organiserCode, organiserName, amount));
        }
        BigDecimal left = amount;
        List<Part> parts = new ArrayList<>();
        for (Funder funder : funding.funders()) {
            if (funder.fixed() != null) {
                BigDecimal taken = funder.fixed().min(left);
                parts.add(new Part(funder.code(), funder.name(), taken));
                left = left.subtract(taken);
            }
        }
        BigDecimal shared = left;
        for (Funder funder : funding.funders()) {
            if (funder.share() != null) {
                BigDecimal part = shared.multiply(funder.share()).setScale(2, RoundingMode.DOWN);
                parts.add(new Part(funder.code(), funder.name(), part));
                left = left.subtract(part);
            }
        }
        BigDecimal remainder = left;
        return parts.stream().map(p -> p.code().equals(funding.remainderTo()) && remainder.signum() != 0
                        ? new Part(p.code(), p.name(), Money.roundToFen(p.amount().add(remainder))) : p)
                .toList();
    }
}
