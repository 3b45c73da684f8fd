package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A member's cover in one scheme for a period, both ends included. */
public record Enrolment(long id, long memberId, String scheme, LocalDate validFrom, LocalDate validTo) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /**
     * The first day of the unbroken cover that includes the day: enrolments that follow one
     * another without a gap (a renewal) count as one cover. Empty when the day is not covered.
     *
     * @param enrolments the member's enrolments in one scheme
     */
    public static Optional<LocalDate> continuousCoverStart(List<Enrolment> enrolments, LocalDate day) {
        Optional<Enrolment> covering = enrolments.stream().filter(e -> e.covers(day)).findFirst();
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        LocalDate start = covering.get().validFrom();
        boolean extended = true;
        while (extended) {
            LocalDate dayBefore = start.minusDays(1);
            Optional<Enrolment> previous = enrolments.stream().filter(e -> e.covers(dayBefore)).findFirst();
            extended = previous.isPresent();
            if (extended) {
                start = previous.get().validFrom();
            }
        }
        return Optional.of(start);
    }
}
