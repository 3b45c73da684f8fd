package org.huzhu.claim.web;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestAgencies;
import org.huzhu.support.TestClaims;
import org.huzhu.support.WorkbenchSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims list's download at its limit, over HTTP: an agency with exactly 20,000 claims
 * downloads whole as xlsx and CSV; one claim more and the download is refused with the reason,
 * nothing is recorded as exported.
 */
@HuzhuIntegrationTest
class ClaimExportLimitTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;
    @LocalServerPort
    int port;

    @Test
    void twentyThousandClaimsDownloadWholeAndOneMoreIsRefused() throws Exception {
        String agency = TestAgencies.create(organisations, identities);
        long first = TestClaims.submit(new Api(rest), agency, EngineTime.today().minusDays(20));
        copies(first, Spreadsheet.ROW_LIMIT - 1);
        WorkbenchSession league = WorkbenchSession.signIn(port, "league");

        WorkbenchSession.Download xlsx = league.download("/claims/export/xlsx?agency=" + agency);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheet("申请").getLastRowNum()).isEqualTo(Spreadsheet.ROW_LIMIT);
            assertThat(book.getSheet("申请").getRow(1).getCell(5).getStringCellValue()).isEqualTo(agency);
        }
        WorkbenchSession.Download csv = league.download("/claims/export/csv?agency=" + agency);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text().lines().count() - 1).isEqualTo(Spreadsheet.ROW_LIMIT);
        assertThat(exports(agency)).containsExactly("xlsx，20000行，代办点 " + agency, "csv，20000行，代办点 " + agency);

        copies(first, 1);
        WorkbenchSession.Download refused = league.download("/claims/export/xlsx?agency=" + agency);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("符合条件的申请超过20000条，请缩小筛选范围后再导出");
        assertThat(exports(agency)).hasSize(2);
    }

    /** Copies of a claim, handed in a year earlier, written straight into the table as a busy agency's would be. */
    private void copies(long claimId, int count) {
        List<String> columns = jdbc.sql("""
                        select attname from pg_attribute where attrelid = 'claim'::regclass and attnum > 0
                          and not attisdropped
                          and attname not in ('id', 'submitted_at', 'intake_key', 'process_instance_id', 'version')
                        order by attnum""").query(String.class).list();
        String list = String.join(", ", columns);
        jdbc.sql("insert into claim (" + list + ", submitted_at) select " + list
                        + ", submitted_at - interval '1 year' - g * interval '1 second'"
                        + " from claim, generate_series(1, :count) g where id = :id")
                .param("count", count).param("id", claimId).update();
    }

    private List<String> exports(String agency) {
        return jdbc.sql("""
                        select reason from audit_event where actor = 'league' and action = 'LIST_EXPORTED'
                        and subject_id = 'claims' and reason like :agency order by id""")
                .param("agency", "%" + agency).query(String.class).list();
    }
}
