package org.huzhu.platform;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Capital numerals as receipts write them: zeros said once, 整 when there are no fen. */
class MoneyInWordsTest {

    @ParameterizedTest
    @CsvSource({
            "0.00, 零元整", "0.05, 伍分", "0.50, 伍角整", "1.05, 壹元零伍分", "1.50, 壹元伍角整", "10.00, 壹拾元整",
            "1234.56, 壹仟贰佰叁拾肆元伍角陆分", "1005.00, 壹仟零伍元整", "1050.00, 壹仟零伍拾元整",
            "10010.00, 壹万零壹拾元整", "100005.00, 壹拾万零伍元整", "120000.00, 壹拾贰万元整",
            "22830.00, 贰万贰仟捌佰叁拾元整", "71691.16, 柒万壹仟陆佰玖拾壹元壹角陆分",
            "6910900.00, 陆佰玖拾壹万零玖佰元整", "100001000.00, 壹亿零壹仟元整", "120000000.00, 壹亿贰仟万元整",
            "100000005.00, 壹亿零伍元整"})
    void writesTheAmountInCapitalNumerals(String amount, String words) {
        assertThat(Money.inWords(new BigDecimal(amount))).isEqualTo(words);
    }
}
