package org.huzhu.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.huzhu.platform.MobileNumber;

/**
 * The outbox as admins read it (开发信箱): newest first, a page at a time, found by kind or by
 * where it went (a masked number such as 138****1234 or its last digits, a member id, a staff
 * member or group).
 */
@Component
public class MailboxEntries {

    public static final int PAGE = 50;
    private static final String SIGN_IN_CODE = "SIGN_IN_CODE";

    private final JdbcClient jdbc;
    private final MemberMobiles mobiles;
    private final MessageSenders senders;

    MailboxEntries(JdbcClient jdbc, MemberMobiles mobiles, MessageSenders senders) {
        this.jdbc = jdbc;
        this.mobiles = mobiles;
        this.senders = senders;
    }

    /** One page of messages and whether there are more. */
    public record Page(List<MailboxEntry> entries, int page, boolean more) {
    }

    @Transactional(readOnly = true)
    public Page page(String to, String kind, int page) {
        String who = to == null ? "" : to.strip();
        String what = kind == null ? "" : kind.strip();
        int from = Math.max(page, 0) * PAGE;
        List<MailboxEntry> rows = jdbc.sql("""
                        select id, member_id, kind, staff_recipients, staff_user, sent_to, subject, message, state, attempts,
                               last_error,
                               created_at, sent_at, next_attempt_at, sender
                        from notification
                        where (:kind = '' or kind = :kind)
                          and (:who = '' or sent_to like '%' || :who || '%' or staff_recipients = :who or staff_user = :who
                               or cast(member_id as text) = :who)
                        order by id desc limit :limit offset :offset
                        """)
                .param("kind", what).param("who", who).param("limit", PAGE + 1).param("offset", from)
                .query((row, n) -> {
                    Long member = row.getObject("member_id", Long.class);
                    String sentTo = row.getString("sent_to");
                    String entryKind = row.getString("kind");
                    return new MailboxEntry(row.getLong("id"), entryKind, MessageKinds.label(entryKind),
                            sentTo != null ? sentTo : recipientNow(member, row.getString("staff_recipients"), row.getString("staff_user")),
                            row.getString("subject"), shown(entryKind, row.getString("message")), row.getString("state"),
                            row.getInt("attempts"), row.getString("last_error"), instant(row.getTimestamp("created_at")),
                            instant(row.getTimestamp("sent_at")), instant(row.getTimestamp("next_attempt_at")),
                            row.getString("sender"));
                })
                .list();
        boolean more = rows.size() > PAGE;
        return new Page(more ? rows.subList(0, PAGE) : rows, Math.max(page, 0), more);
    }

    /** A pending member's message goes to the number on file when it is sent: that one, masked; staff's to the person or group. */
    private String recipientNow(Long member, String staff, String staffUser) {
        if (member == null) {
            return staffUser != null ? staffUser : staff;
        }
        Optional<String> mobile = mobiles.mobileOf(member);
        return mobile.map(MobileNumber::mask).orElse(null);
    }

    /** With a real SMS provider a sign-in code is for the member alone, not for the admins who read this page. */
    private String shown(String kind, String text) {
        return SIGN_IN_CODE.equals(kind) && !senders.membersReadInMailbox() ? "（验证码短信，内容不在此显示）" : text;
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
