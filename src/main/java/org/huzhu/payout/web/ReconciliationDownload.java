package org.huzhu.payout.web;

import java.nio.charset.StandardCharsets;

import org.huzhu.payout.Reconciliation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A reconciliation report as a file to open in Excel, for the API and the workbench alike. */
final class ReconciliationDownload {

    private ReconciliationDownload() {
    }

    /** {@code reconciliation-<name>.csv}: UTF-8 with a byte order mark, formula-like cells shown as text. */
    static ResponseEntity<String> csv(Reconciliation report, String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=reconciliation-" + name + ".csv")
                .body(report.csv());
    }
}
