package org.huzhu.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which expressions an uploaded process may hold: known variables, literals, operators and the declared calls. */
class ExpressionPolicyTest {

    static final String PAYLOAD = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch marker')}";

    @Test
    void conditionsNamesAndTheDeclaredCallsPass() {
        for (String allowed : List.of("${leagueAuditOutcome == 'REJECT'}", "${secondAudit || scheme == 'INPATIENT'}",
                "agency-auditor-${agencyCode}", "${subsidy >= 10000 && !repeatWithin90Days}", "${subsidy * 2 - 1 > 3 ? true : false}",
                "${empty reason}", "#{claimId}", "${slaClock.dueAt(claimId)}", "${slaClock.atRiskAt(claimId)}",
                "${decisionResult.collectEntries('step').contains('LEAGUE_HEAD')}", "${paymentBatches.cycle()}",
                "${paymentBatches.resultCycle()}", "plain text")) {
            assertThat(ExpressionPolicy.refusals(allowed)).as(allowed).isEmpty();
        }
    }

    @Test
    void reflectionPropertiesOtherCallsFunctionsAndUnknownNamesAreRefused() {
        assertThat(ExpressionPolicy.refusals(PAYLOAD)).singleElement().asString().contains("不允许调用方法", "getClass");
        assertThat(ExpressionPolicy.refusals("${''.class}")).singleElement().asString().contains("不允许读取属性");
        assertThat(ExpressionPolicy.refusals("${execution.processEngineServices}")).isNotEmpty();
        assertThat(ExpressionPolicy.refusals("${claimId['class']}")).singleElement().asString().contains("不允许读取属性");
        assertThat(ExpressionPolicy.refusals("${slaClock.dueAt(agencyCode)}")).isNotEmpty();
        assertThat(ExpressionPolicy.refusals("${decisionResult.collectEntries('step').contains(''.getClass())}")).isNotEmpty();
        assertThat(ExpressionPolicy.refusals("${decisionResult.collectEntries('step').contains('a\\')')}")).isNotEmpty();
        assertThat(ExpressionPolicy.refusals("${paymentBatches.collect()}")).isNotEmpty();
        assertThat(ExpressionPolicy.refusals("${currentUser()}")).singleElement().asString().contains("不允许调用函数");
        assertThat(ExpressionPolicy.refusals("${slaClock}")).singleElement().asString().contains("未知的流程变量");
        assertThat(ExpressionPolicy.refusals("${execution == null} ${task}")).hasSize(2);
        assertThat(ExpressionPolicy.refusals("${a.}")).singleElement().asString().contains("无法解析");
    }

    @Test
    void everyExpressionOfTheShippedProcessesIsAllowed() throws IOException {
        Pattern expression = Pattern.compile("[$#]\\{[^}]*}");
        try (var files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher found = expression.matcher(Files.readString(file));
                while (found.find()) {
                    String text = found.group();
                    if (ExpressionPolicy.beanOf(text) == null) {
                        assertThat(ExpressionPolicy.refusals(text)).as(file + ": " + text).isEmpty();
                    }
                }
            }
        }
    }
}
