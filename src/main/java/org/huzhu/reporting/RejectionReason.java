package org.huzhu.reporting;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.huzhu.claim.AuditStage;

/**
 * Why claims were rejected, as the statistics group them. The pre-check stores its reason as a
 * Chinese sentence of a fixed shape (claim/ClaimPreCheck, MemberCover, RuleSetDefinition); each
 * shape is one code here, read with a LIKE pattern, so a year of rejections is grouped in the
 * database. An auditor's rejection is stored as "&lt;stage&gt;驳回：&lt;reason&gt;" ({@link #AUDIT}) and is
 * grouped by stage and the category the auditor picked (claim/RejectionCategory).
 */
public enum RejectionReason {
    DATES("日期不合理", "入院、出院或确诊日期不合理"),
    NOT_ENROLLED("不在参保期内", "%不在该会员的参保期内"),
    NO_RULES("没有适用的保障规则", "%没有适用的保障规则"),
    WAITING_PERIOD("在等待期内", "%在等待期内%"),
    INSURANCE_TYPE("医保类型不在保障范围", "该会员的医保类型不在本项目保障范围内"),
    SEX("性别不在保障范围", "本项目仅保障_性会员"),
    AGE("年龄不在保障范围", "该会员在%岁，不在本项目的保障年龄%"),
    DIAGNOSIS_NOT_COVERED("病种不在保障范围", "诊断编码%不在本项目保障的病种范围内"),
    CLAIM_WINDOW("超过申领期限", "已超过申领期限%"),
    INVOICE_USED("发票已用于其他申请", "发票已用于其他申请：%"),
    /** A pre-check sentence of no known shape (written by an older version). */
    OTHER("其他", null),
    /** Rejected by an auditor: grouped by stage and the auditor's category. */
    AUDIT("审核驳回", null);

    private final String label;
    private final String pattern;

    RejectionReason(String label, String pattern) {
        this.label = label;
        this.pattern = pattern;
    }

    public String label() {
        return label;
    }

    /** The auditors' stages whose label starts a rejection reason, as a SQL regular expression. */
    static String auditPrefix() {
        return "^(" + Arrays.stream(AuditStage.values()).map(AuditStage::label).collect(Collectors.joining("|")) + ")驳回：";
    }

    /**
     * The SQL expression that gives a rejected claim's code, from column {@code reason}. The
     * patterns are this enum's constants, never input.
     */
    static String codeOf(String reason) {
        StringBuilder sql = new StringBuilder("case when " + reason + " ~ '" + auditPrefix() + "' then 'AUDIT'");
        for (RejectionReason code : values()) {
            if (code.pattern != null) {
                sql.append(" when ").append(reason).append(" like '").append(code.pattern).append("' then '")
                        .append(code.name()).append("'");
            }
        }
        return sql.append(" else 'OTHER' end").toString();
    }
}
