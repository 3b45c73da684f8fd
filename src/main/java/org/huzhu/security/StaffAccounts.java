package org.huzhu.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.huzhu.audit.AuditTrail;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators manage staff accounts here or in Camunda Admin: both write Camunda's
 * identity tables, where passwords are stored salted and hashed. Accounts locked after wrong
 * passwords ({@link SignInLocks}) show until when; a password reset unlocks.
 */
@Service
public class StaffAccounts {

    private static final int SHORTEST_PASSWORD = 8;

    /**
     * The lock's end that marks an account an administrator stopped: no lock after wrong
     * passwords reaches it (an hour at most), and Camunda Admin's unlock lifts it as ours does.
     */
    static final Instant STOPPED = Instant.parse("9999-01-01T00:00:00Z");

    private final IdentityService identityService;
    private final StaffDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProcessEngineConfigurationImpl engine;
    private final OpenSessions sessions;
    private final SignInLocks locks;

    StaffAccounts(IdentityService identityService, StaffDirectory directory, AuditTrail audit, Clock clock,
                  ProcessEngine engine, OpenSessions sessions, SignInLocks locks) {
        this.identityService = identityService;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.sessions = sessions;
        this.locks = locks;
    }

    /** @param lockedUntil while sign-in is refused after wrong passwords, until when; else null */
    public record Account(String id, String name, Set<Role> roles, List<String> agencies, OffsetDateTime lockedUntil) {

        /** Stopped by an administrator, until one starts it again (not a lock after wrong passwords). */
        public boolean stopped() {
            return lockedUntil != null && !lockedUntil.toInstant().isBefore(STOPPED);
        }
    }

    /** An agency whose staff roles have groups here: its code, and its name as the groups give it. */
    public record AgencyGroup(String code, String name) {
    }

    /** The agencies an account's agency roles may be given, by code. */
    public List<AgencyGroup> agencies() {
        String prefix = Role.AGENCY_AUDITOR.groupId() + "-";
        return identityService.createGroupQuery().groupType("AGENCY").orderByGroupId().asc().list().stream()
                .filter(group -> group.getId().startsWith(prefix))
                .map(group -> {
                    String name = group.getName() == null ? "" : group.getName();
                    return new AgencyGroup(group.getId().substring(prefix.length()),
                            name.endsWith(Role.AGENCY_AUDITOR.label())
                                    ? name.substring(0, name.length() - Role.AGENCY_AUDITOR.label().length()) : name);
                })
                .toList();
    }

    public List<Account> list() {
        return identityService.createUserQuery().orderByUserId().asc().list().stream().map(this::account).toList();
    }

    /** The accounts whose sign-in is refused now. */
    public List<Account> locked() {
        return list().stream().filter(account -> account.lockedUntil() != null).toList();
    }

    public Account get(String id) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            throw DomainException.notFound("USER_NOT_FOUND", "用户不存在：" + id);
        }
        return account(user);
    }

    @Transactional
    public Account create(String id, String name, String password, List<String> roles, String agencyCode, String admin) {
        Problems problems = new Problems();
        if (id == null || !id.matches("[a-z0-9][a-z0-9_.-]{1,63}")) {
            problems.add("id", "INVALID_FORMAT", "用户名为2到64位小写字母、数字、点、下划线或连字符");
        } else if (directory.exists(id)) {
            problems.add("id", "DUPLICATE_USER", "用户名已存在");
        }
        if (name == null || name.isBlank() || name.length() > 50) {
            problems.add("name", "REQUIRED", "请填写姓名（最多50字）");
        }
        checkPassword(password, problems);
        Set<Role> parsed = parseRoles(roles, agencyCode, problems);
        problems.throwIfAny();
        User user = identityService.newUser(id);
        user.setFirstName(name.strip());
        user.setLastName("");
        user.setPassword(password);
        identityService.saveUser(user);
        joinGroups(id, parsed, agencyCode);
        audit.record(admin, "USER_CREATED", "USER", id, null, describe(parsed, agencyCode));
        return get(id);
    }

    /** Replaces the person's roles (and agency); Camunda's own groups are left alone. */
    @Transactional
    public Account changeRoles(String id, List<String> roles, String agencyCode, String admin) {
        get(id);
        Problems problems = new Problems();
        Set<Role> parsed = parseRoles(roles, agencyCode, problems);
        problems.throwIfAny();
        for (Group group : identityService.createGroupQuery().groupMember(id).list()) {
            if (isRoleGroup(group.getId())) {
                identityService.deleteMembership(id, group.getId());
            }
        }
        joinGroups(id, parsed, agencyCode);
        audit.record(admin, "USER_ROLES_CHANGED", "USER", id, null, describe(parsed, agencyCode));
        return get(id);
    }

    /** Also lifts a lock after wrong passwords: the person signs in with the new password at once. */
    @Transactional
    public void resetPassword(String id, String password, String admin) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            throw DomainException.notFound("USER_NOT_FOUND", "用户不存在：" + id);
        }
        Problems problems = new Problems();
        checkPassword(password, problems);
        problems.throwIfAny();
        OffsetDateTime lockedUntil = lockedUntil(user);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.unlockUser(id);
        audit.record(admin, "USER_PASSWORD_RESET", "USER", id, null, lockedUntil == null ? null : "已解除登录锁定");
    }

    /**
     * Stops the account (a person who left, a lost password): sign-in is refused everywhere and
     * the person's open workbench sessions on this node end now. Nobody stops their own account.
     */
    @Transactional
    public void stop(String id, String reason, String admin) {
        Account account = get(id);
        Problems problems = new Problems();
        if (id.equals(admin)) {
            problems.add("id", "OWN_ACCOUNT", "不能停用自己的账号");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            problems.add("reason", "REQUIRED", "请说明停用原因（最多200字）");
        }
        problems.throwIfAny();
        if (account.stopped()) {
            return;
        }
        setLock(id, Date.from(STOPPED));
        sessions.end(id);
        audit.record(admin, "USER_STOPPED", "USER", id, null, "停用：" + reason.strip());
    }

    /** Lets the person sign in again: lifts a stop and a lock after wrong passwords alike. */
    @Transactional
    public void start(String id, String admin) {
        Account account = get(id);
        if (account.lockedUntil() == null) {
            return;
        }
        identityService.unlockUser(id);
        locks.changed(id);
        audit.record(admin, "USER_UNLOCKED", "USER", id, null, account.stopped() ? "重新启用" : "解除登录锁定");
    }

    /** The engine keeps the lock in its user row; only its identity manager writes it. */
    private void setLock(String id, Date until) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            UserEntity user = context.getDbEntityManager().selectById(UserEntity.class, id);
            context.getIdentityInfoManager().updateUserLock(user, user.getAttempts(), until);
            return null;
        });
        locks.changed(id);
    }

    private Set<Role> parseRoles(List<String> roles, String agencyCode, Problems problems) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        if (roles == null || roles.isEmpty()) {
            problems.add("roles", "REQUIRED", "请至少选择一个角色");
            return parsed;
        }
        for (int i = 0; i < roles.size(); i++) {
            String name = roles.get(i);
            Role.ofGroup(name).ifPresentOrElse(parsed::add,
                    () -> problems.add("roles", "UNKNOWN_ROLE", "没有这个角色：" + name));
        }
        boolean needsAgency = parsed.stream().anyMatch(Role::workedAtAgency);
        if (needsAgency && (agencyCode == null || agencyCode.isBlank())) {
            problems.add("agencyCode", "REQUIRED", "代办点角色须指定代办点");
        } else if (needsAgency && identityService.createGroupQuery()
                .groupId(Role.AGENCY_AUDITOR.atAgency(agencyCode)).count() == 0) {
            problems.add("agencyCode", "UNKNOWN_AGENCY", "没有这个代办点：" + agencyCode);
        }
        return parsed;
    }

    private void joinGroups(String id, Set<Role> roles, String agencyCode) {
        for (Role role : roles) {
            identityService.createMembership(id, role.groupId());
            if (role.workedAtAgency()) {
                identityService.createMembership(id, role.atAgency(agencyCode));
            }
            if (role == Role.ADMIN) {
                identityService.createMembership(id, Groups.CAMUNDA_ADMIN);
            }
        }
    }

    private static boolean isRoleGroup(String groupId) {
        if (Groups.CAMUNDA_ADMIN.equals(groupId) || Role.ofGroup(groupId).isPresent()) {
            return true;
        }
        for (Role role : Role.values()) {
            if (role.workedAtAgency() && groupId.startsWith(role.groupId() + "-")) {
                return true;
            }
        }
        return false;
    }

    private static void checkPassword(String password, Problems problems) {
        if (password == null || password.length() < SHORTEST_PASSWORD) {
            problems.add("password", "TOO_SHORT", "密码至少" + SHORTEST_PASSWORD + "位");
        }
    }

    private static String describe(Set<Role> roles, String agencyCode) {
        List<String> labels = new ArrayList<>();
        roles.forEach(role -> labels.add(role.label()));
        return "角色：" + String.join("、", labels) + (agencyCode == null || agencyCode.isBlank() ? "" : "；代办点：" + agencyCode);
    }

    private Account account(User user) {
        Staff staff = directory.staff(user.getId());
        List<String> agencies = staff.agencies().values().stream().flatMap(Set::stream).distinct().sorted().toList();
        return new Account(user.getId(), StaffDirectory.nameOf(user), staff.roles(), agencies, lockedUntil(user));
    }

    /** The engine's user query answers its entities, which carry the lock. */
    private OffsetDateTime lockedUntil(User user) {
        Date until = user instanceof UserEntity entity ? entity.getLockExpirationTime() : null;
        return until == null || !until.toInstant().isAfter(clock.instant()) ? null
                : until.toInstant().atZone(Beijing.ZONE).toOffsetDateTime();
    }
}
