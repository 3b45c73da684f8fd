package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Continuous cover: renewals without a gap count from the first enrolment; a gap starts cover afresh. */
class EnrolmentTest {

    static Enrolment enrolment(String from, String to) {
        return new Enrolment(1, 1, "INPATIENT", LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void renewalsWithoutAGapAreOneCover() {
        List<Enrolment> renewed = List.of(enrolment("2024-01-01", "2024-12-31"), enrolment("2025-01-01", "2025-12-31"),
                enrolment("2026-01-01", "2026-12-31"));
        assertThat(Enrolment.continuousCoverStart(renewed, LocalDate.parse("2026-07-01")))
                .contains(LocalDate.parse("2024-01-01"));
    }

    @Test
    void aGapOfADayStartsCoverAfresh() {
        List<Enrolment> lapsed = List.of(enrolment("2024-01-01", "2024-12-30"), enrolment("2025-01-01", "2025-12-31"));
        assertThat(Enrolment.continuousCoverStart(lapsed, LocalDate.parse("2025-07-01")))
                .contains(LocalDate.parse("2025-01-01"));
        assertThat(Enrolment.continuousCoverStart(lapsed, LocalDate.parse("2024-12-31"))).isEmpty();
    }
}
