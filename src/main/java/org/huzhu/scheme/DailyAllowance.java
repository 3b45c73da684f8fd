package org.huzhu.scheme;

import java.util.List;

/**
 * A fixed sum per day in hospital, larger for members covered longer; at most {@code maxDays}
 * days of one stay count (no limit when null). Bands ascend by years of cover, the first from 0.
 */
public record DailyAllowance(Integer maxDays, List<AllowanceBand> bands) {

    public DailyAllowance {
        bands = bands == null ? null : List.copyOf(bands);
    }

    /** The band for a member with the given completed years of continuous cover. */
    AllowanceBand bandFor(int years) {
        AllowanceBand band = bands.get(0);
        for (AllowanceBand candidate : bands) {
            if (candidate.fromYears() <= years) {
                band = candidate;
            }
        }
        return band;
    }
}
