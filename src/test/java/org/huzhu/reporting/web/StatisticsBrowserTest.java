package org.huzhu.reporting.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huzhu.platform.Money;
import org.huzhu.support.Api;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.ClaimDriver;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * A supervisor at 统计 in a real headless Chromium: a wrong year is said, one agency's scheme
 * year shows the API's figures, and the workbook downloaded holds them; the dashboard's file of
 * overdue claims holds every one the API lists.
 */
@HuzhuIntegrationTest
class StatisticsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSupervisorReadsOneAgencysYearAndDownloadsItsWorkbook() throws IOException, InterruptedException {
        Api api = new Api(rest);
        // at least one claim of DEMO-A paid this year, so that the figures compared are not all zero
        new ClaimDriver(api, taskService, management, jdbc).pay(api.approvedClaim("6222021234567890128"));
        Path target = Path.of("target").toAbsolutePath();
        String output = BrowserScript.run("workbench-statistics.cjs", Map.of("BASE_URL", "http://localhost:" + port,
                "YEAR", "2026", "AGENCY", "DEMO-A", "SCREENSHOTS", target.toString()));
        JsonNode summary = require(api.get("supervisor", "/api/statistics/summary?scheme=INPATIENT&year=2026&agency=DEMO-A"),
                200).body();

        assertThat(summary.get("claimsPaid").asLong()).isPositive();
        assertThat(line(output, "typo status: ")).endsWith("400");
        assertThat(line(output, "typo: ")).contains("保障年度");
        assertThat(line(output, "headline: ")).isEqualTo("headline: " + summary.get("headline").asText());
        assertThat(line(output, "claimsPaid: "))
                .isEqualTo("claimsPaid: " + String.format("%,d", summary.get("claimsPaid").asLong()) + " 人次");
        assertThat(line(output, "amountPaid: "))
                .isEqualTo("amountPaid: " + Money.grouped(new java.math.BigDecimal(summary.get("amountPaid").asText())) + " 元");
        assertThat(line(output, "workbook: ")).contains(".xlsx");

        Map<String, Object> figures = new HashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(target.resolve("workbench-statistics.xlsx")))) {
            Sheet sheet = book.getSheet("总体");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var cell = sheet.getRow(r).getCell(1);
                figures.put(sheet.getRow(r).getCell(0).getStringCellValue(),
                        cell.getCellType() == CellType.NUMERIC ? cell.getNumericCellValue() : cell.getStringCellValue());
            }
        }
        assertThat(figures).containsEntry("获补助（人次）", summary.get("claimsPaid").asDouble())
                .containsEntry("支付补助金（元）", summary.get("amountPaid").asDouble())
                .containsEntry("受理申请（件）", summary.get("claimsSubmitted").asDouble());

        int overdue = require(api.get("supervisor", "/api/sla/claims?state=BREACHED&limit=500"), 200).body().size();
        assertThat(line(output, "overdue file: ")).contains(".csv bom true rows " + overdue);
        assertThat(output).contains("done");
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(output));
    }
}
