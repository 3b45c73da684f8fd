package org.huzhu.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The files lists download as: typed cells, text never run as a formula, no file beyond the limit. */
class SpreadsheetTest {

    private final Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("名单", List.of("名称", "金额（元）", "日期", "比例", "件数"),
            List.of(Arrays.asList("=HYPERLINK(\"http://x\")", new BigDecimal("1234.50"), LocalDate.of(2026, 12, 1),
                    new Spreadsheet.Decimal(new BigDecimal("12.5")), 3L), Arrays.asList("-5", null, null, null, null)));

    @Test
    void cellsKeepTheirTypesAndFormulaLikeTextStaysText() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Spreadsheet.xlsx(List.of(sheet))))) {
            Row row = book.getSheet("名单").getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(row.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(12.5);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(book.getSheet("名单").getRow(2).getCell(1).getCellType()).isEqualTo(CellType.BLANK);
        }
        assertThat(Spreadsheet.csv(sheet)).isEqualTo("\uFEFF名称,金额（元）,日期,比例,件数\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",1234.50,2026-12-01,12.5,3\n-5,,,,\n");
    }

    @Test
    void aListLongerThanAFileHoldsIsRefusedNotCut() {
        Spreadsheet.requireWithinLimit(Spreadsheet.ROW_LIMIT, "任务");
        assertThatThrownBy(() -> Spreadsheet.requireWithinLimit(Spreadsheet.ROW_LIMIT + 1, "任务"))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("TOO_MANY_ROWS");
                    assertThat(refused.status().value()).isEqualTo(400);
                    assertThat(refused.getMessage()).isEqualTo("符合条件的任务超过20000条，请缩小筛选范围后再导出");
                });
    }
}
