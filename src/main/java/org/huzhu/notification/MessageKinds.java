package org.huzhu.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of message the modules write, with the name people read. A kind is a stable code;
 * the SMS provider's template for it is configuration ({@code huzhu.notification.sms.templates}).
 */
public final class MessageKinds {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("SIGN_IN_CODE", "登录验证码");
        LABELS.put("CLAIM_RECEIVED", "申请已受理");
        LABELS.put("SUPPLEMENTS_NEEDED", "补交材料");
        LABELS.put("CLAIM_APPROVED", "审核通过");
        LABELS.put("PAID", "补助已支付");
        LABELS.put("PAYMENT_RETURNED", "转账被退回");
        LABELS.put("REJECTED", "未获通过");
        LABELS.put("REVIEW_OUTCOME", "复核结果");
        LABELS.put("SLA_AT_RISK", "临期督办");
        LABELS.put("SLA_BREACHED", "超期督办");
    }

    private MessageKinds() {
    }

    /** The kind in Chinese; a kind not listed here shows as its code. */
    public static String label(String kind) {
        return LABELS.getOrDefault(kind, kind);
    }

    /** Every listed kind with its label, in a stable order (for a filter). */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(LABELS);
    }
}
