package org.huzhu.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void aSpreadsheetLineShowsFormulaLikeTextAsTextAndKeepsNumbers() {
        assertThat(Csv.sheetLine("=HYPERLINK(\"http://evil.example\")", "+86", "@SUM(A1)", "-x", "-12.50", "张三", 3))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\",'+86,'@SUM(A1),'-x,-12.50,张三,3\n");
    }

    @Test
    void theBanksLayoutIsLeftAsItIs() {
        assertThat(Csv.line("=1", "a,b")).isEqualTo("=1,\"a,b\"\n");
    }
}
