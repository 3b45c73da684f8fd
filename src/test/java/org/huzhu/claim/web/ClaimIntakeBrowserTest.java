package org.huzhu.claim.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.huzhu.support.BrowserScript;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.PaperFiles;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clerk's flow in a real headless Chromium, clicking and typing: a unit, a member and their
 * enrolment registered, a claim taken in with a typo the pre-check preview catches and a photo of
 * its invoice whose QR code fills the invoice row, fixed,
 * confirmed with a double click, and its receipt printed. The pages' text and the database rows
 * afterwards are checked; screenshots are target/workbench-clerk-*.png.
 */
@HuzhuIntegrationTest
class ClaimIntakeBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerkRegistersAMemberEnrolsThemAndTakesAClaimInCatchingATypoBeforeSubmitting() throws Exception {
        String unit = TestIds.code("U");
        String idNumber = TestIds.idNumber('F');
        String typo = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        String invoice = String.format("%08d", System.nanoTime() % 100_000_000L);
        Path photo = Path.of("target/workbench-clerk-invoice.png").toAbsolutePath();
        Files.write(photo, PaperFiles.png(PaperFiles.qrPage(1240, 1754,
                "01,10,044001900111," + invoice + ",1264.90,20261118,85342965681116380258,A1B2,", 80, 80, 6)));
        String november = EngineTime.today().withMonth(11).toString().substring(0, 8);
        String output = BrowserScript.run("workbench-clerk.cjs", Map.ofEntries(
                Map.entry("BASE_URL", "http://localhost:" + port), Map.entry("HUZHU_USER", "clerk"),
                Map.entry("HUZHU_PASSWORD", "demo"), Map.entry("UNIT_CODE", unit), Map.entry("ID_NUMBER", idNumber),
                Map.entry("ID_TYPO", typo), Map.entry("VALID_FROM", "2026-10-16"), Map.entry("VALID_TO", "2027-10-15"),
                Map.entry("ADMISSION_TYPO", "2019-11-20"), Map.entry("ADMISSION", november + "20"),
                Map.entry("DISCHARGE", november + "25"), Map.entry("INVOICE_PHOTO", photo.toString()),
                Map.entry("SCREENSHOTS", Path.of("target/workbench-clerk-").toAbsolutePath().toString())));

        assertThat(line(output, "shortcuts: ")).contains("受理申请", "查找参保人");
        assertThat(line(output, "figures: ")).contains("待补件的申请", "退票待更正账户");
        assertThat(line(output, "unit notice: ")).contains("单位安阳钢铁厂（" + unit + "）已登记");
        assertThat(line(output, "id error: ")).contains("校验位不符");
        assertThat(line(output, "member: ")).contains(masked, "女", "职工医保", unit).doesNotContain(idNumber);
        assertThat(line(output, "enrolments: ")).contains("住院医疗互助 2026-10-16 2027-10-15 保障中");
        assertThat(line(output, "member check: ")).contains("王秀英", masked, "住院医疗互助 2026-10-16 至 2027-10-15");
        assertThat(line(output, "typo verdict: ")).contains("将被拒绝", "入院日期不在该会员的参保期内");
        assertThat(line(output, "typo quote: ")).contains("不予补助");
        assertThat(line(output, "fixed verdict: ")).contains("可以受理", "材料齐全之日起10个工作日内");
        assertThat(line(output, "fixed quote: ")).isEqualTo("fixed quote: 6,827.00 元");
        assertThat(line(output, "upload notice: ")).contains("已上传1个文件", "已按发票二维码填入发票 044001900111-" + invoice);
        assertThat(line(output, "staged: ")).contains("医疗发票", "workbench-clerk-invoice.png", "1,264.90元");
        assertThat(line(output, "invoice row: ")).isEqualTo("invoice row: 044001900111-" + invoice);
        assertThat(line(output, "confirm: ")).contains("核对并确认");
        assertThat(output).contains("printed");

        long claim = jdbc.sql("select c.id from claim c join member m on m.id = c.member_id where m.id_number = :id")
                .param("id", idNumber).query(Long.class).single();
        assertThat(line(output, "receipt number: ")).isEqualTo("receipt number: " + claim);
        assertThat(line(output, "claims found: ")).contains(claim + " ", "王秀英 " + masked, "住院医疗互助 DEMO-A 代办点审核中");
        assertThat(line(output, "receipt: ")).contains("受理回执", "王秀英", masked, "住院医疗互助", "40,000.00 元",
                "代办点审核", "材料齐全之日起10个工作日内支付，即 ", "个工作日）").doesNotContain(idNumber);

        assertThat(jdbc.sql("""
                        select m.name || ' ' || m.insurance_type || ' ' || u.code || ' ' || a.code
                        from member m join unit u on u.id = m.unit_id join agency a on a.id = u.agency_id
                        where m.id_number = :id""").param("id", idNumber).query(String.class).single())
                .isEqualTo("王秀英 EMPLOYEE " + unit + " DEMO-A");
        assertThat(jdbc.sql("""
                        select e.scheme || ' ' || e.valid_from || ' ' || e.valid_to
                        from enrolment e join member m on m.id = e.member_id where m.id_number = :id""")
                .param("id", idNumber).query(String.class).list()).containsExactly("INPATIENT 2026-10-16 2027-10-15");
        assertThat(jdbc.sql("""
                        select status || ' ' || admission_date || ' ' || discharge_date || ' ' || expense_total || ' '
                            || eligible_amount || ' ' || submitted_by
                        from claim where id = :id""").param("id", claim).query(String.class).single())
                .isEqualTo("AGENCY_CHECK " + november + "20 " + november + "25 40000.00 14054.00 clerk");
        assertThat(jdbc.sql("select code || '-' || number from claim_invoice where claim_id = :id").param("id", claim)
                .query(String.class).list()).containsExactly("044001900111-" + invoice);
        assertThat(jdbc.sql("select kind || ' ' || content_type from paper where claim_id = :id").param("id", claim)
                .query(String.class).list()).containsExactly("INVOICE image/png");
        assertThat(jdbc.sql("select kind from claim_document where claim_id = :id order by kind").param("id", claim)
                .query(String.class).list()).containsExactly("BANK_CARD", "DISCHARGE_SUMMARY", "EXPENSE_LIST", "ID_CARD",
                        "INVOICE", "SETTLEMENT_STATEMENT");
        assertThat(List.of(Path.of("target/workbench-clerk-precheck.png"), Path.of("target/workbench-clerk-receipt.png")))
                .allMatch(java.nio.file.Files::exists);
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(output));
    }
}
