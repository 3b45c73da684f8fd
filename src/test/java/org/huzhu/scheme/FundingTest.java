package org.huzhu.scheme;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting a payout between funders adds up to the fen, whatever the shares. */
class FundingTest {

    @Test
    void withoutFundingTheOrganiserPaysAll() {
        assertThat(Funding.split(null, new BigDecimal("6827.00"), "DEMO", "演示协会"))
                .containsExactly(new Funding.Part("DEMO", "演示协会", new BigDecimal("6827.00")));
    }

    @Test
    void theYinchuanGrantIsSharedThreeWays() {
        Funding funding = new Funding(List.of(
                new Funding.Funder("CITY", "市总工会", new BigDecimal("0.60"), null),
                new Funding.Funder("DISTRICT", "区总工会", new BigDecimal("0.20"), null),
                new Funding.Funder("INSURER", "保险公司", new BigDecimal("0.20"), null)), "CITY");
        assertThat(Funding.split(funding, new BigDecimal("50000.00"), "DEMO", "演示协会")).extracting(Funding.Part::amount)
                .containsExactly(new BigDecimal("30000.00"), new BigDecimal("10000.00"), new BigDecimal("10000.00"));
    }

    @Test
    void theFenLeftOverGoToTheStatedFunderAndFixedAmountsComeFirst() {
        Funding thirds = new Funding(List.of(
                new Funding.Funder("CITY", "市总工会", new BigDecimal("0.34"), null),
                new Funding.Funder("DISTRICT", "区总工会", new BigDecimal("0.33"), null),
                new Funding.Funder("INSURER", "保险公司", new BigDecimal("0.33"), null)), "DISTRICT");
        List<Funding.Part> parts = Funding.split(thirds, new BigDecimal("100.03"), "DEMO", "演示协会");
        assertThat(parts).extracting(Funding.Part::amount)
                .containsExactly(new BigDecimal("34.01"), new BigDecimal("33.02"), new BigDecimal("33.00"));
        assertThat(parts.stream().map(Funding.Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100.03");

        Funding fixedFirst = new Funding(List.of(
                new Funding.Funder("CITY", "市总工会", BigDecimal.ONE, null),
                new Funding.Funder("INSURER", "保险公司", null, new BigDecimal("200.00"))), "CITY");
        assertThat(Funding.split(fixedFirst, new BigDecimal("150.00"), "DEMO", "演示协会")).extracting(Funding.Part::amount)
                .containsExactly(new BigDecimal("150.00"), new BigDecimal("0.00"));
        assertThat(Funding.split(fixedFirst, new BigDecimal("1000.00"), "DEMO", "演示协会")).extracting(Funding.Part::code,
                Funding.Part::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("INSURER", new BigDecimal("200.00")),
                org.assertj.core.groups.Tuple.tuple("CITY", new BigDecimal("800.00")));
    }
}
