package org.huzhu.membership;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdNumberTest {

    @Test
    void readsBirthDateAndSexFromAValidNumber() {
        // The GB 11643 standard's own example number.
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X").orElseThrow();
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.F);
        assertThat(id.masked()).isEqualTo("110105********002X");
        assertThat(ResidentIdNumber.parse("440524198001010013").orElseThrow().sex()).isEqualTo(Sex.M);
    }

    @Test
    void aLowerCaseXIsAnUpperCaseX() {
        assertThat(ResidentIdNumber.parse("11010519491231002x")).map(ResidentIdNumber::value).contains("11010519491231002X");
    }

    @Test
    void refusesAWrongCheckCharacterAnImpossibleDateAndTheWrongLength() {
        assertThat(ResidentIdNumber.parse("110105194912310021")).isEmpty();
        assertThat(ResidentIdNumber.parse("110105194902300023")).isEmpty();
        assertThat(ResidentIdNumber.parse("11010519491231002")).isEmpty();
        assertThat(ResidentIdNumber.parse("1101051949123100XX")).isEmpty();
        assertThat(ResidentIdNumber.parse(null)).isEmpty();
    }

    @Test
    void residencePermitsOfHongKongMacauAndTaiwanShareTheFormat() {
        String first17 = "81000019900101001";
        assertThat(ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17))).isPresent();
    }

    @Test
    void bankCardsFailingLuhnAreStillWellFormed() {
        assertThat(BankAccountNumber.passesLuhn("6222021234567890128")).isTrue();
        assertThat(BankAccountNumber.passesLuhn("6222021234567890127")).isFalse();
        assertThat(BankAccountNumber.isWellFormed("6222021234567890127")).isTrue();
        assertThat(BankAccountNumber.isWellFormed("12345678901")).isFalse();
        assertThat(BankAccountNumber.isWellFormed("6222 0212 3456 7890")).isFalse();
        assertThat(BankAccountNumber.mask("6222021234567890128")).isEqualTo("***************0128");
    }
}
