package org.huzhu.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.notification.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time sign-in codes (docs/members-online.md): six digits sent to the member's mobile number
 * on file through the outbox, kept as a salted SHA-256 only, good for a few minutes, once, and
 * burnt after a few wrong tries. Requests are counted per ID number, per mobile number and per
 * IP address in the database, so two nodes share the limits. Whether an ID number is enrolled,
 * or has a number on file, never shows in an answer.
 */
@Service
public class SignInCodes {

    /** What a request for a code came to; {@link #SENT} also when nothing was sent (no such member, no number). */
    public enum Requested { SENT, LIMITED }

    static final String KIND = "SIGN_IN_CODE";

    private final JdbcClient jdbc;
    private final Members members;
    private final Outbox outbox;
    private final MemberSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignInCodes(JdbcClient jdbc, Members members, Outbox outbox, MemberSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends a code to the member's number on file, unless a limit is reached. The ID number is
     * well-formed (the page checks it); the answer is the same whether it is enrolled or not.
     */
    @Transactional
    public Requested request(String idNumber, String address) {
        Instant now = clock.instant();
        Optional<Member> member = ResidentIdNumber.parse(idNumber).flatMap(id -> members.byIdNumber(id.value()));
        Optional<String> mobile = member.flatMap(m -> Optional.ofNullable(m.mobile()));
        String idKey = hash("id:" + ResidentIdNumber.parse(idNumber).map(ResidentIdNumber::value).orElse(idNumber));
        String addressKey = hash("ip:" + address);
        String mobileKey = mobile.map(number -> hash("mobile:" + number)).orElse(null);
        // one request at a time per subject, on any node: counting and recording cannot interleave
        lock(idKey);
        lock(addressKey);
        if (mobileKey != null) {
            lock(mobileKey);
        }
        if (over("IP", addressKey, settings.perAddress(), now) || over("ID", idKey, settings.perIdNumber(), now)
                || (mobileKey != null && over("MOBILE", mobileKey, settings.perMobile(), now))) {
            return Requested.LIMITED;
        }
        // the counts are needed for one window only: older rows go
        jdbc.sql("delete from member_sign_in_request where requested_at <= :since")
                .param("since", Timestamp.from(now.minus(settings.limitWindow()))).update();
        counted("IP", addressKey, now);
        counted("ID", idKey, now);
        if (mobileKey == null) {
            return Requested.SENT;
        }
        counted("MOBILE", mobileKey, now);
        long memberId = member.orElseThrow().id();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        String salt = HexFormat.of().formatHex(randomBytes(16));
        // only the newest code counts
        jdbc.sql("update member_sign_in_code set spent_at = :now where member_id = :member and spent_at is null")
                .param("now", Timestamp.from(now)).param("member", memberId).update();
        long id = jdbc.sql("""
                        insert into member_sign_in_code (member_id, salt, code_hash, created_at, expires_at)
                        values (:member, :salt, :hash, :now, :expires) returning id
                        """)
                .param("member", memberId).param("salt", salt).param("hash", hash(salt + code))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(settings.codeValidity())))
                .query(Long.class).single();
        long minutes = settings.codeValidity().toMinutes();
        outbox.toMember(memberId, null, KIND, KIND + ":" + id, Map.of("code", code),
                "您的互助保障登录验证码为" + code + "，" + minutes + "分钟内有效。如非本人操作请忽略。");
        return Requested.SENT;
    }

    /**
     * The member the code signs in, spending it; empty for a wrong, expired, spent or burnt code
     * and for an ID number with no member, all alike. A wrong code counts against the live one.
     */
    @Transactional
    public Optional<Long> signIn(String idNumber, String code) {
        Instant now = clock.instant();
        Optional<Member> member = ResidentIdNumber.parse(idNumber).flatMap(id -> members.byIdNumber(id.value()));
        if (member.isEmpty()) {
            return Optional.empty();
        }
        List<LiveCode> live = jdbc.sql("""
                        select id, salt, code_hash, expires_at from member_sign_in_code
                        where member_id = :member and spent_at is null order by id desc limit 1 for update
                        """)
                .param("member", member.get().id())
                .query((row, n) -> new LiveCode(row.getLong("id"), row.getString("salt"), row.getString("code_hash"),
                        row.getTimestamp("expires_at").toInstant())).list();
        if (live.isEmpty() || !live.get(0).expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        LiveCode current = live.get(0);
        boolean right = code != null && code.strip().matches("[0-9]{6}")
                && MessageDigest.isEqual(hash(current.salt() + code.strip()).getBytes(StandardCharsets.US_ASCII),
                current.hash().getBytes(StandardCharsets.US_ASCII));
        if (right) {
            jdbc.sql("update member_sign_in_code set spent_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", current.id()).update();
            return Optional.of(member.get().id());
        }
        jdbc.sql("""
                        update member_sign_in_code set wrong_tries = wrong_tries + 1,
                            spent_at = case when wrong_tries + 1 >= :tries then cast(:now as timestamptz) end
                        where id = :id
                        """)
                .param("tries", settings.wrongTries()).param("now", Timestamp.from(now)).param("id", current.id())
                .update();
        return Optional.empty();
    }

    private record LiveCode(long id, String salt, String hash, Instant expiresAt) {
    }

    private boolean over(String kind, String subject, int limit, Instant now) {
        return jdbc.sql("""
                        select count(*) from member_sign_in_request
                        where kind = :kind and subject_hash = :subject and requested_at > :since and requested_at <= :now
                        """)
                .param("kind", kind).param("subject", subject).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(settings.limitWindow()))).query(Long.class).single() >= limit;
    }

    private void counted(String kind, String subject, Instant now) {
        jdbc.sql("insert into member_sign_in_request (kind, subject_hash, requested_at) values (:kind, :subject, :now)")
                .param("kind", kind).param("subject", subject).param("now", Timestamp.from(now)).update();
    }

    private void lock(String subject) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:subject, 17))").param("subject", subject)
                .query(Object.class).single();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
