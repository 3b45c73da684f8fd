package org.huzhu.membership.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.PaperFiles;
import org.huzhu.support.StatisticsTallies;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * 批量参保导入 over HTTP as the clerk's browser sends it: a unit's list of 10,000 from Excel in
 * one go and the same file again changing nothing; a list with wrong rows refused whole with each
 * line and reason, or its good rows only with the rest to download; files that are no list.
 */
@HuzhuIntegrationTest
class EnrolmentImportTest {

    static final String PAGE = "/intake/enrolment-import";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    Api api;
    String unit;
    WorkbenchSession clerk;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        unit = TestIds.code("U");
        require(api.post("admin", "/api/units", Map.of("code", unit, "name", "导入测试单位" + unit, "agencyCode", "DEMO-A")), 201);
        clerk = WorkbenchSession.signIn(port, "clerk");
        WorkbenchSession.Page form = clerk.get(PAGE);
        assertThat(form.status()).as(form.text()).isEqualTo(200);
    }

    @Test
    void aListOfTenThousandFromExcelImportsInOneGoAndTheSameFileAgainChangesNothing() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(List.of("职工" + i, TestIds.idNumber(i % 2 == 0 ? 'M' : 'F', LocalDate.of(1966, 1, 1).plusDays(i)), i % 3 == 0 ? "" : "139" + String.format("%08d", i),
                    i % 10 == 0 ? "城乡居民医保" : "职工医保"));
        }
        byte[] file = xlsx(rows);
        WorkbenchSession.Page done = send(file, "名单.xlsx", false);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.html().select("[data-import=enrolled]").text()).isEqualTo("10000");
        assertThat(done.html().select("[data-import=registered]").text()).isEqualTo("10000");
        assertThat(done.html().select("[data-import=refused]").text()).isEqualTo("0");
        assertThat(count("select count(*) from member m join unit u on u.id = m.unit_id where u.code = :unit")).isEqualTo(10_000);
        assertThat(count("""
                select count(*) from enrolment e join member m on m.id = e.member_id join unit u on u.id = m.unit_id
                where u.code = :unit and e.scheme = 'INPATIENT' and e.valid_from = date '2026-01-01'
                  and e.valid_to = date '2026-12-31'""")).isEqualTo(10_000);
        assertThat(count("""
                select count(*) from member m join unit u on u.id = m.unit_id
                where u.code = :unit and m.insurance_type = 'RESIDENT'""")).isEqualTo(1_000);
        assertThat(jdbc.sql("select mobile from member where id_number = :id").param("id", rows.get(1).get(1))
                .query(String.class).single()).isEqualTo("13900000001");

        WorkbenchSession.Page again = send(file, "名单（再次）.xlsx", false);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).contains("此前已为该单位导入过，本次未作任何改动");
        assertThat(count("select count(*) from member m join unit u on u.id = m.unit_id where u.code = :unit")).isEqualTo(10_000);
        assertThat(count("""
                select count(*) from enrolment e join member m on m.id = e.member_id join unit u on u.id = m.unit_id
                where u.code = :unit""")).isEqualTo(10_000);
        assertThat(count("select count(*) from enrolment_import i join unit u on u.id = i.unit_id where u.code = :unit"))
                .isEqualTo(1);
        // the statistics' roll-up counted the list's 10,000 enrolments once, in the unit's one row
        assertThat(count("""
                select sum(t.enrolments) from statistics_enrolment_tally t join unit u on u.id = t.unit_id
                where u.code = :unit""")).isEqualTo(10_000);
        assertThat(count("select count(*) from statistics_enrolment_tally t join unit u on u.id = t.unit_id where u.code = :unit"))
                .isEqualTo(1);
        StatisticsTallies.assertMatchTheBaseTables(jdbc);
    }

    @Test
    void aListWithWrongRowsIsRefusedWholeWithEachLineOrImportedForItsGoodRowsOnly() {
        String good = TestIds.idNumber();
        String wrongDigit = TestIds.idNumber();
        wrongDigit = wrongDigit.substring(0, 17) + (wrongDigit.charAt(17) == '1' ? '2' : '1');
        String elsewhere = api.registeredMember("DEMO-A", "EMPLOYEE", TestIds.idNumber());
        String enrolled = TestIds.idNumber();
        require(api.post("admin", "/api/members", Map.of("idNumber", enrolled, "name", "李四", "unitCode", unit,
                "insuranceType", "EMPLOYEE")), 201);
        api.enrol(enrolled, "INPATIENT", "2026-06-01", "2027-05-31");
        // as Chinese Excel saves a CSV: GB18030, no byte order mark
        String csv = """
                姓名,身份证号,手机号,参保类型
                王五,%s,13912345678,职工医保
                赵六,%s,,职工医保
                王五二,%s,,职工医保
                钱七,%s,12345,职工医保
                孙八,%s,,新农合
                测试会员,%s,,职工医保
                李四,%s,,职工医保
                ,,,
                """.formatted(good, wrongDigit, good, TestIds.idNumber(), TestIds.idNumber(), elsewhere, enrolled);
        byte[] file = csv.getBytes(Charset.forName("GB18030"));
        long members = count("select count(*) from member m join unit u on u.id = m.unit_id where u.code = :unit");

        WorkbenchSession.Page refused = send(file, "名单.csv", false);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().selectFirst("#error-file").text()).contains("共7行，其中6行有误，未导入任何人员");
        assertThat(refused.html().select("table.refused tr[data-line]").eachAttr("data-line"))
                .containsExactly("3", "4", "5", "6", "7", "8");
        assertThat(refused.html().select("table.refused [data-refused=reason]").eachText()).containsExactly(
                "身份证号不正确（应为18位，校验位不符；Excel中请将此列设为文本）", "与第2行的身份证号重复",
                "手机号不正确（应为11位数字，以1开头）", "参保类型应为“职工医保”或“城乡居民医保”", "已在其他单位登记，请先办理转移",
                "已参保（2026-06-01至2027-05-31），与本次参保期重叠");
        assertThat(refused.text()).doesNotContain(good).doesNotContain(elsewhere);
        assertThat(count("select count(*) from member m join unit u on u.id = m.unit_id where u.code = :unit")).isEqualTo(members);
        assertThat(count("select count(*) from member where id_number = '" + good + "'")).isZero();

        WorkbenchSession.Page imported = send(file, "名单.csv", true);
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.html().select("[data-import=enrolled]").text()).isEqualTo("1");
        assertThat(imported.html().select("[data-import=refused]").text()).isEqualTo("6");
        assertThat(count("select count(*) from enrolment e join member m on m.id = e.member_id where m.id_number = '" + good
                + "'")).isEqualTo(1);
        String download = imported.html().selectFirst("a[href$=refused.csv]").attr("href");
        WorkbenchSession.Page rows = clerk.get(download);
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''");
        assertThat(rows.body()).startsWith("\uFEFF行号,姓名,身份证号,手机号,参保类型,未导入原因")
                .contains("3,赵六," + wrongDigit + ",,职工医保,身份证号不正确").contains("8,李四," + enrolled);
        assertThat(count("select count(*) from audit_event where action = 'ENROLMENT_REFUSED_ROWS_DOWNLOADED' and subject_id = :unit"))
                .isEqualTo(1);
        // another agency's clerk neither imports into the unit nor reads its refused rows
        String clerkB = "clerk-" + TestIds.code("b").toLowerCase();
        require(api.post("admin", "/api/users", Map.of("id", clerkB, "name", "代办点B受理员", "password", "a-long-password",
                "roles", List.of("clerk"), "agencyCode", "DEMO-B")), 201);
        WorkbenchSession other = WorkbenchSession.signIn(port, clerkB, "a-long-password");
        assertThat(other.get(download).status()).isEqualTo(403);
        other.get(PAGE);
        assertThat(other.postBytes(PAGE, Map.of("unitCode", unit, "scheme", "INPATIENT", "validFrom", "2027-01-01",
                "validTo", "2027-12-31"), "file", Map.of("名单.csv", file)).status()).isEqualTo(403);
        assertThat(WorkbenchSession.signIn(port, "supervisor").get(PAGE).status()).isEqualTo(403);
    }

    @Test
    void aFileThatIsNoListOrAZipBombIsRefusedWithTheReason() throws IOException {
        WorkbenchSession.Page picture = send(PaperFiles.image("png", 100, 100, 1), "名单.xlsx", false);
        assertThat(picture.status()).isEqualTo(400);
        assertThat(picture.html().selectFirst("#error-file").text()).isEqualTo("文件不是Excel表格（.xlsx）或CSV文件");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
        }
        assertThat(bomb.size()).isLessThan(1 << 20);
        WorkbenchSession.Page refused = send(bomb.toByteArray(), "名单.xlsx", false);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().selectFirst("#error-file").text()).contains("疑似压缩炸弹");

        WorkbenchSession.Page none = clerk.postBytes(PAGE, Map.of("unitCode", unit, "scheme", "INPATIENT",
                "validFrom", "2026-01-01", "validTo", "2026-12-31"), "file", Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.html().selectFirst("#error-file").text()).isEqualTo("请选择要导入的名单文件（.xlsx 或 .csv）");
        assertThat(count("select count(*) from enrolment_import i join unit u on u.id = i.unit_id where u.code = :unit")).isZero();
    }

    @Test
    void theTemplateNamesTheColumnsTheImportReads() {
        WorkbenchSession.Page template = clerk.get(PAGE + "/template.csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body()).startsWith("\uFEFF姓名,身份证号,手机号,参保类型\n");
        assertThat(clerk.get(PAGE).html().select("a[href$=template.csv]").text()).isEqualTo("CSV");

        WorkbenchSession.Download xlsx = clerk.download(clerk.get(PAGE).html().selectFirst("a[href$=template.xlsx]").attr("href"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        try (org.apache.poi.ss.usermodel.Workbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            var header = book.getSheetAt(0).getRow(0);
            assertThat(java.util.stream.IntStream.range(0, 4).mapToObj(i -> header.getCell(i).getStringCellValue()))
                    .containsExactly("姓名", "身份证号", "手机号", "参保类型");
            assertThat(book.getSheetAt(0).getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(clerk.get(PAGE + "/template.pdf").status()).isEqualTo(404);
    }

    @Test
    void financeRecordsTheUnitsContributionFromTheImportedListOnceAndPrintsAReceipt() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(List.of("缴费职工" + i, TestIds.idNumber('F', LocalDate.of(1970, 3, 1).plusDays(i)), "", "职工医保"));
        }
        assertThat(send(xlsx(rows), "三人名单.xlsx", false).status()).isEqualTo(200);
        long imported = count("select i.id from enrolment_import i join unit u on u.id = i.unit_id where u.code = :unit");
        WorkbenchSession finance = WorkbenchSession.signIn(port, "finance");

        org.jsoup.nodes.Element row = finance.get("/finance/contributions").html()
                .selectFirst("table.imports tr[data-import=" + imported + "]");
        assertThat(row.text()).contains("导入测试单位" + unit, "住院医疗互助", "2026-01-01 至 2026-12-31", "三人名单.xlsx", "3");
        WorkbenchSession.Page form = finance.get(row.selectFirst("a.button").attr("href"));
        Map<String, String> fields = formFields(form);
        assertThat(fields).containsEntry("unitCode", unit).containsEntry("members", "3").containsEntry("scheme", "INPATIENT")
                .containsEntry("schemeYear", "2026").containsEntry("enrolmentImportId", Long.toString(imported));
        fields.put("perMember", "30");
        WorkbenchSession.Page recorded = finance.post("/finance/contributions", fields);
        assertThat(recorded.status()).isEqualTo(302);
        WorkbenchSession.Page list = finance.get(recorded.location().replaceFirst("^https?://[^/]+", ""));
        String receiptLink = list.html().selectFirst("p.notice a").attr("href");
        WorkbenchSession.Page receipt = finance.get(receiptLink);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.html().select("[data-receipt=payer]").text()).isEqualTo("导入测试单位" + unit + "（" + unit + "）");
        assertThat(receipt.html().select("[data-receipt=members]").text()).isEqualTo("3 人");
        assertThat(receipt.html().select("[data-receipt=amount]").text()).isEqualTo("¥90.00");
        assertThat(receipt.html().select("[data-receipt=words]").text()).isEqualTo("玖拾元整");
        assertThat(receipt.html().select("[data-receipt=basis]").text()).contains("三人名单.xlsx", "导入 3 人");
        assertThat(receipt.html().select(".receipt .number strong").text()).matches("HZJF-2026-\\d{6}");
        assertThat(list.html().selectFirst("table.imports tr[data-import=" + imported + "]").text()).contains("已登记");

        // the same list again, from a fresh form: refused at the form, nothing more stored
        Map<String, String> again = formFields(finance.get("/finance/contributions?fromImport=" + imported));
        again.put("perMember", "30");
        WorkbenchSession.Page refused = finance.post("/finance/contributions", again);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("p.problem").text()).contains("这份参保名单的单位缴费已登记");
        // the API holds a contribution for an import to the import's head count
        Api.Answer wrong = api.post("finance", "/api/fund/contributions", Map.of("scheme", "INPATIENT", "schemeYear", 2026,
                "unitCode", unit, "members", 4, "perMember", "30", "enrolmentImportId", imported));
        assertThat(Api.fieldCodes(require(wrong, 400))).containsExactly("members:NOT_THE_IMPORTS");
        assertThat(count("select count(*) from fund_contribution where unit_code = :unit")).isEqualTo(1);
        assertThat(count("select sum(amount)::bigint from fund_contribution where unit_code = :unit")).isEqualTo(90);
    }

    /** The form's fields as the browser would send them: inputs, the chosen radio, selects. */
    private static Map<String, String> formFields(WorkbenchSession.Page page) {
        Map<String, String> fields = new java.util.HashMap<>();
        org.jsoup.nodes.Element form = page.html().selectFirst("form.contribution");
        form.select("input").forEach(input -> {
            if (!input.attr("type").equals("radio") || input.hasAttr("checked")) {
                fields.put(input.attr("name"), input.val());
            }
        });
        form.select("select").forEach(select -> fields.put(select.attr("name"),
                select.select("option[selected]").val()));
        return fields;
    }

    private WorkbenchSession.Page send(byte[] file, String name, boolean goodRowsOnly) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("unitCode", unit, "scheme", "INPATIENT",
                "validFrom", "2026-01-01", "validTo", "2026-12-31"));
        if (goodRowsOnly) {
            fields.put("goodRowsOnly", "true");
        }
        return clerk.postBytes(PAGE, fields, "file", Map.of(name, file));
    }

    private long count(String sql) {
        var query = jdbc.sql(sql);
        if (sql.contains(":unit")) {
            query = query.param("unit", unit);
        }
        return query.query(Long.class).single();
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("名单");
            Row header = sheet.createRow(0);
            List<String> columns = List.of("姓名", "身份证号", "手机号", "参保类型");
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < columns.size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
