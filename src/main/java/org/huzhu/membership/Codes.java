package org.huzhu.membership;

import org.huzhu.platform.Problems;

/**
 * The codes of organisers, agencies and units. An agency's code also names its Camunda groups
 * ({@code agency-auditor-<code>}), so only what a group id may hold; never a leading hyphen,
 * which a spreadsheet reads as a formula.
 */
final class Codes {

    private Codes() {
    }

    static void check(Problems problems, String field, String code) {
        if (code == null || code.isBlank()) {
            problems.add(field, "REQUIRED", "请填写编码");
        } else if (!code.matches("[A-Za-z0-9][A-Za-z0-9-]{0,31}")) {
            problems.add(field, "INVALID_FORMAT", "编码为1到32位字母、数字或连字符，以字母或数字开头");
        }
    }
}
