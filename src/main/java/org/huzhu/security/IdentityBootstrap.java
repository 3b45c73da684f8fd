package org.huzhu.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure every role has its group, and, when configured, creates the first administrator
 * (production has no demo users: {@code huzhu.security.initial-admin.*}).
 */
@Component
@Order(1)
public class IdentityBootstrap implements ApplicationRunner {

    private final IdentityService identityService;
    private final String initialAdminId;
    private final String initialAdminPassword;

    IdentityBootstrap(IdentityService identityService,
                      @Value("${huzhu.security.initial-admin.id:}") String initialAdminId,
                      @Value("${huzhu.security.initial-admin.password:}") String initialAdminPassword) {
        this.identityService = identityService;
        this.initialAdminId = initialAdminId;
        this.initialAdminPassword = initialAdminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            ensureGroup(role.groupId(), role.label(), "ROLE");
        }
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda 管理员", Groups.GROUP_TYPE_SYSTEM);
        if (!initialAdminId.isBlank() && !initialAdminPassword.isBlank()) {
            ensureUser(initialAdminId, "系统", "管理员", initialAdminPassword,
                    List.of(Role.ADMIN.groupId(), Role.PROCESS_ADMIN.groupId(), Groups.CAMUNDA_ADMIN));
        }
    }

    /**
     * The groups of the roles worked at one agency (its clerks, the agency check's candidates
     * there), named in words after the agency: created when missing, renamed with the agency.
     */
    public void ensureAgencyGroups(String agencyCode, String agencyName) {
        for (Role role : Role.values()) {
            if (role.workedAtAgency()) {
                nameGroup(role.atAgency(agencyCode), agencyName + role.label(), "AGENCY");
            }
        }
    }

    private void nameGroup(String id, String name, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
            group.setType(type);
        } else if (name.equals(group.getName())) {
            return;
        }
        group.setName(name);
        identityService.saveGroup(group);
    }

    public void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    /** Creates the user with the groups if missing; an existing user is left as it is. */
    public void ensureUser(String id, String firstName, String lastName, String password, List<String> groups) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(password);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
    }
}
