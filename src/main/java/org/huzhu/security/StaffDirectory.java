package org.huzhu.security;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Reads people and their groups from Camunda's identity service. */
@Component
public class StaffDirectory {

    private final IdentityService identityService;

    StaffDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean checkPassword(String userId, String password) {
        return identityService.checkPassword(userId, password);
    }

    public boolean exists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /**
     * The names people are shown by (first and last name, as Camunda keeps them), for user ids
     * such as a history's actors: every id asked for has one; the system reads 系统, and an
     * account that is gone or has no name reads as its id.
     */
    public Map<String, String> names(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        userIds.forEach(id -> names.put(id, Staff.SYSTEM.equals(id) ? "系统" : id));
        String[] asked = userIds.stream().filter(id -> !Staff.SYSTEM.equals(id)).distinct().toArray(String[]::new);
        if (asked.length > 0) {
            for (User user : identityService.createUserQuery().userIdIn(asked).list()) {
                String name = nameOf(user);
                names.put(user.getId(), name.isBlank() ? user.getId() : name);
            }
        }
        return names;
    }

    static String nameOf(User user) {
        return (user.getFirstName() == null ? "" : user.getFirstName()) + (user.getLastName() == null ? "" : user.getLastName());
    }

    public Staff staff(String userId) {
        Set<String> groupIds = new HashSet<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            groupIds.add(group.getId());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Map<Role, Set<String>> agencies = new EnumMap<>(Role.class);
        for (String groupId : groupIds) {
            Role.ofGroup(groupId).ifPresent(roles::add);
            for (Role role : Role.values()) {
                String prefix = role.groupId() + "-";
                if (role.workedAtAgency() && groupId.startsWith(prefix)) {
                    agencies.computeIfAbsent(role, r -> new HashSet<>()).add(groupId.substring(prefix.length()));
                }
            }
        }
        // An agency group without the role group still makes the person that agency's staff.
        roles.addAll(agencies.keySet());
        return new Staff(userId, Set.copyOf(roles), Map.copyOf(new HashMap<>(agencies)), Set.copyOf(groupIds));
    }
}
