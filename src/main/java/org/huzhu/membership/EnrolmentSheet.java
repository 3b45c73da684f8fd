package org.huzhu.membership;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.huzhu.platform.Csv;
import org.huzhu.platform.InvalidInputException;

/**
 * A unit's member list as offices keep it: the first sheet of an {@code .xlsx} (or {@code .xls}),
 * or a CSV as Excel saves it (UTF-8, with or without a byte order mark, or GB18030 as Chinese
 * Excel does). The header row names the columns in any order: 姓名, 身份证号, 手机号 (may be
 * left out), 参保类型. Anything else (another kind of file, a zip bomb, a list too long) is
 * refused as a whole with the reason.
 */
final class EnrolmentSheet {

    static final String NAME = "姓名";
    static final String ID_NUMBER = "身份证号";
    static final String MOBILE = "手机号";
    static final String INSURANCE_TYPE = "参保类型";
    static final List<String> COLUMNS = List.of(NAME, ID_NUMBER, MOBILE, INSURANCE_TYPE);
    static final int MOST_ROWS = 20_000;

    private static final Map<String, String> HEADERS = Map.of(NAME, NAME, ID_NUMBER, ID_NUMBER, "身份证号码", ID_NUMBER,
            "公民身份号码", ID_NUMBER, MOBILE, MOBILE, "手机号码", MOBILE, "联系电话", MOBILE, INSURANCE_TYPE, INSURANCE_TYPE,
            "医保类型", INSURANCE_TYPE);
    private static final Charset GB18030 = Charset.forName("GB18030");

    /** A row of the list by its line in the file (the header is line 1), its cells by column. */
    record Line(int number, Map<String, String> cells) {

        String cell(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }

        boolean blank() {
            return cells.values().stream().allMatch(value -> value == null || value.isBlank());
        }
    }

    private EnrolmentSheet() {
    }

    static List<Line> read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw refused("所选文件是空的");
        }
        List<List<String>> rows = isWorkbook(content) ? workbookRows(content) : csvRows(content);
        if (rows.isEmpty()) {
            throw refused("文件中没有表头行（" + String.join("、", COLUMNS) + "）");
        }
        Map<Integer, String> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String column = HEADERS.get(header.get(i).replace("\uFEFF", "").replaceAll("[\\s*＊]", ""));
            if (column != null) {
                columns.putIfAbsent(i, column);
            }
        }
        List<String> missing = COLUMNS.stream().filter(column -> !column.equals(MOBILE))
                .filter(column -> !columns.containsValue(column)).toList();
        if (!missing.isEmpty()) {
            throw refused((fileName == null ? "文件" : fileName) + "的第1行应为表头，缺少：" + String.join("、", missing)
                    + "（请使用导入模板）");
        }
        if (rows.size() - 1 > MOST_ROWS) {
            throw refused("一次最多导入" + MOST_ROWS + "行，此文件有" + (rows.size() - 1) + "行，请分成几个文件");
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            Map<String, String> cells = new HashMap<>();
            List<String> row = rows.get(r);
            columns.forEach((index, column) -> cells.put(column, index < row.size() ? row.get(index) : ""));
            Line line = new Line(r + 1, cells);
            if (!line.blank()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw refused("文件中只有表头，没有要导入的人员");
        }
        return lines;
    }

    /** A zip (xlsx) or an OLE2 file (xls) by its first bytes. */
    private static boolean isWorkbook(byte[] content) {
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        boolean ole = content.length > 7 && (content[0] & 0xff) == 0xD0 && (content[1] & 0xff) == 0xCF
                && (content[2] & 0xff) == 0x11 && (content[3] & 0xff) == 0xE0;
        return zip || ole;
    }

    private static List<List<String>> workbookRows(byte[] content) {
        // POI's own guard (ZipSecureFile): an entry that inflates over 100 times its size is a zip bomb
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MOST_ROWS + 1) {
                throw refused("一次最多导入" + MOST_ROWS + "行，此文件有" + sheet.getLastRowNum() + "行，请分成几个文件");
            }
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    cells.add(text(row.getCell(c), format));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            String why = String.valueOf(e.getMessage());
            throw refused(why.contains("Zip bomb") || why.contains("exceeded")
                    ? "文件解压后异常庞大（疑似压缩炸弹），未导入" : "文件无法作为Excel表格读取，请另存为.xlsx后重试");
        }
    }

    /** A cell as typed: a number Excel keeps as a number (an ID number not formatted as text) exactly, without exponent. */
    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return new java.math.BigDecimal(cell.getNumericCellValue()).toPlainString();
        }
        return format.formatCellValue(cell);
    }

    private static List<List<String>> csvRows(byte[] content) {
        String text = decoded(content).orElseThrow(() -> refused("文件不是Excel表格（.xlsx）或CSV文件"));
        if (text.indexOf('\0') >= 0) {
            throw refused("文件不是Excel表格（.xlsx）或CSV文件");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            rows.add(Csv.fields(line));
            if (rows.size() > MOST_ROWS + 2) {
                throw refused("一次最多导入" + MOST_ROWS + "行，请分成几个文件");
            }
        }
        return rows;
    }

    /** UTF-8 (its byte order mark dropped) when the bytes are UTF-8, else GB18030; neither: not text. */
    private static Optional<String> decoded(byte[] content) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, GB18030)) {
            try {
                String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
                return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
            } catch (CharacterCodingException e) {
                // try the next
            }
        }
        return Optional.empty();
    }

    private static InvalidInputException refused(String why) {
        return new InvalidInputException("file", "FILE_REFUSED", why);
    }
}
