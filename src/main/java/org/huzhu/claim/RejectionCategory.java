package org.huzhu.claim;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an auditor rejects a claim, as the auditor picks it (the free text stays beside it): what
 * the statistics count rejections by, so that a year's rejections read as a few kinds, not as
 * hundreds of sentences.
 */
public enum RejectionCategory {
    NOT_COVERED("不属于保障范围", "病种、费用或就医方式不在本项目保障范围内"),
    NOT_ELIGIBLE("不符合参保条件", "未参保、参保期外、等待期内或非本单位职工"),
    PAPERS_NOT_CONSISTENT("材料不真实或不一致", "发票、结算单、病历等材料不真实或相互不符"),
    ALREADY_COMPENSATED("重复申请或已获补助", "同一次就医已申请或已在他处获得补助"),
    TOO_LATE("超过申请时限", "超过本项目规定的申领期限"),
    OTHER("其他", "以上均不适用，请在审核意见中写明");

    private final String label;
    private final String hint;

    RejectionCategory(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    public String label() {
        return label;
    }

    /** What the category covers, for the auditor choosing it. */
    public String hint() {
        return hint;
    }

    public static Optional<RejectionCategory> of(String name) {
        return Arrays.stream(values()).filter(category -> category.name().equals(name)).findFirst();
    }
}
