package org.huzhu.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Lists and figures as files people open in Excel: an {@code .xlsx} with one sheet per table
 * (Chinese headers in bold, the header row frozen, amounts as numbers formatted #,##0.00, dates
 * as dates) and a table as CSV (UTF-8 with a byte order mark, formula-like text kept as text by
 * {@link Csv#sheetLine}). Cells are String, Long or Integer, BigDecimal yuan, {@link Decimal},
 * LocalDate or LocalDateTime (Beijing time, as the pages show it).
 */
public final class Spreadsheet {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** The most rows a list's file holds: a list read with one more tells that the filter is too wide. */
    public static final int ROW_LIMIT = 20_000;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Rows kept in memory while a workbook is written; the rest go to a temporary file. */
    private static final int WINDOW = 500;

    /** One table: the sheet's name, its headers and rows of cells. */
    public record Sheet(String title, List<String> headers, List<List<Object>> rows) {
    }

    /** A number that is not money (a percentage, member-years): one or two decimals. */
    public record Decimal(BigDecimal value) {
        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    private Spreadsheet() {
    }

    /** The tables as one workbook, one sheet per table. */
    public static byte[] xlsx(List<Sheet> sheets) {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            for (Sheet sheet : sheets) {
                SXSSFSheet written = book.createSheet(sheet.title());
                Row head = written.createRow(0);
                for (int i = 0; i < sheet.headers().size(); i++) {
                    Cell cell = head.createCell(i);
                    cell.setCellValue(sheet.headers().get(i));
                    cell.setCellStyle(styles.header);
                }
                int r = 1;
                for (List<Object> values : sheet.rows()) {
                    Row row = written.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        styles.write(row.createCell(i), values.get(i));
                    }
                }
                written.createFreezePane(0, 1);
                for (int i = 0; i < sheet.headers().size(); i++) {
                    written.setColumnWidth(i, Math.min(60, Math.max(12, widest(sheet, i) * 2 + 2)) * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }

    /** One table as CSV, UTF-8 with a byte order mark so that Excel reads the Chinese. */
    public static String csv(Sheet sheet) {
        StringBuilder text = new StringBuilder("\uFEFF");
        text.append(Csv.sheetLine(sheet.headers().toArray()));
        for (List<Object> row : sheet.rows()) {
            text.append(Csv.sheetLine(row.stream().map(Spreadsheet::text).toArray()));
        }
        return text.toString();
    }

    /**
     * Refuses a list of more than {@link #ROW_LIMIT} rows, so that a file never silently holds
     * only the first part of what the filter names; {@code what} names the rows in Chinese.
     */
    public static void requireWithinLimit(int rows, String what) {
        if (rows > ROW_LIMIT) {
            throw new DomainException(org.springframework.http.HttpStatus.BAD_REQUEST, "TOO_MANY_ROWS",
                    "符合条件的" + what + "超过" + ROW_LIMIT + "条，请缩小筛选范围后再导出");
        }
    }

    /** One table to download as {@code name.xlsx} or {@code name.csv}, as {@code format} names. */
    public static ResponseEntity<?> download(String format, String name, Sheet sheet) {
        return switch (format) {
            case "xlsx" -> xlsxDownload(name, List.of(sheet));
            case "csv" -> csvDownload(name, sheet);
            default -> throw DomainException.notFound("NOT_FOUND", "只能下载 xlsx 或 csv 文件");
        };
    }

    /** A workbook to download as {@code name.xlsx}; the name may be Chinese. */
    public static ResponseEntity<byte[]> xlsxDownload(String name, List<Sheet> sheets) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".xlsx"))
                .body(xlsx(sheets));
    }

    /** A table to download as {@code name.csv}. */
    public static ResponseEntity<String> csvDownload(String name, Sheet sheet) {
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".csv"))
                .body(csv(sheet));
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    private static Object text(Object value) {
        if (value instanceof BigDecimal money) {
            return money.toPlainString();
        }
        return value instanceof LocalDateTime at ? at.format(MINUTES) : value;
    }

    private static int widest(Sheet sheet, int column) {
        int widest = sheet.headers().get(column).length();
        for (List<Object> row : sheet.rows()) {
            if (column < row.size() && row.get(column) != null) {
                widest = Math.max(widest, String.valueOf(text(row.get(column))).length());
            }
        }
        return widest;
    }

    /** The workbook's cell styles, made once: a workbook holds at most 64,000 of them. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle yuan;
        final CellStyle count;
        final CellStyle decimal;
        final CellStyle date;
        final CellStyle minute;

        Styles(Workbook book) {
            header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            yuan = formatted(book, "#,##0.00");
            count = formatted(book, "#,##0");
            decimal = formatted(book, "0.0#");
            date = formatted(book, "yyyy-mm-dd");
            minute = formatted(book, "yyyy-mm-dd hh:mm");
        }

        private static CellStyle formatted(Workbook book, String format) {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(format));
            return style;
        }

        void write(Cell cell, Object value) {
            if (value instanceof BigDecimal money) {
                cell.setCellValue(money.doubleValue());
                cell.setCellStyle(yuan);
            } else if (value instanceof Decimal number) {
                cell.setCellValue(number.value().doubleValue());
                cell.setCellStyle(decimal);
            } else if (value instanceof Long || value instanceof Integer) {
                cell.setCellValue(((Number) value).longValue());
                cell.setCellStyle(count);
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else if (value instanceof LocalDateTime at) {
                cell.setCellValue(at);
                cell.setCellStyle(minute);
            } else if (value != null) {
                // setCellValue(String) stores a string cell: text is never read as a formula
                cell.setCellValue(value.toString());
            }
        }
    }
}
