package org.huzhu.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.huzhu.audit.AuditTrail;
import org.huzhu.platform.MobileNumber;
import org.huzhu.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff members' mobile numbers, where the messages to their group (the supervisors'
 * escalations) go when messages leave by SMS. Kept by system administrators; owns
 * {@code staff_mobile}.
 */
@Service
public class StaffMobiles {

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final IdentityService identityService;
    private final AuditTrail audit;
    private final Clock clock;

    StaffMobiles(JdbcClient jdbc, StaffAccounts accounts, IdentityService identityService, AuditTrail audit,
                 Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.identityService = identityService;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets the number as typed (spaces and dashes allowed); blank removes it. */
    @Transactional
    public void set(String userId, String typed, String admin) {
        accounts.get(userId);
        if (typed == null || typed.isBlank()) {
            if (jdbc.sql("delete from staff_mobile where user_id = :user").param("user", userId).update() > 0) {
                audit.record(admin, "USER_MOBILE_CHANGED", "USER", userId, null, "手机号已删除");
            }
            return;
        }
        Optional<String> number = MobileNumber.parse(typed);
        if (number.isEmpty()) {
            new Problems().add("mobile", "INVALID_MOBILE", "请填写11位手机号码，如 13812345678").throwIfAny();
        }
        jdbc.sql("""
                        insert into staff_mobile (user_id, mobile, changed_by, changed_at) values (:user, :mobile, :by, :at)
                        on conflict (user_id) do update set mobile = excluded.mobile, changed_by = excluded.changed_by,
                            changed_at = excluded.changed_at
                        """)
                .param("user", userId).param("mobile", number.get()).param("by", admin)
                .param("at", Timestamp.from(clock.instant())).update();
        audit.record(admin, "USER_MOBILE_CHANGED", "USER", userId, null, "手机号改为 " + MobileNumber.mask(number.get()));
    }

    public Optional<String> of(String userId) {
        return jdbc.sql("select mobile from staff_mobile where user_id = :user").param("user", userId)
                .query(String.class).optional();
    }

    /** The members of the group with a number on file, their accounts not stopped: who is texted for it. */
    @Transactional(readOnly = true)
    public List<String> reachableIn(String groupId) {
        List<String> members = identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getId).toList();
        if (members.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select user_id from staff_mobile where user_id in (:users) order by user_id")
                .param("users", members).query(String.class).list().stream()
                .filter(user -> !accounts.get(user).stopped()).toList();
    }
}
