package org.huzhu.security.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.huzhu.platform.FramePeople;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The signed-in person's name, roles in words (agencies by name, not code) and whether they
 * may use Tasklist. Worked out once per session: the session's roles are fixed at sign-in too.
 */
@Component
class SignedInPerson implements FramePeople {

    private static final String KEPT = SignedInPerson.class.getName();

    private final StaffAccounts accounts;
    private final AuthorizationService authorizations;

    SignedInPerson(StaffAccounts accounts, AuthorizationService authorizations) {
        this.accounts = accounts;
        this.authorizations = authorizations;
    }

    @Override
    public Person describe(Authentication who, HttpServletRequest request) {
        if (who == null || !(who.getPrincipal() instanceof Staff staff)) {
            return null;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(KEPT) instanceof Person kept && kept.userId().equals(staff.userId())) {
            return kept;
        }
        Person person = lookUp(staff);
        if (session != null) {
            session.setAttribute(KEPT, person);
        }
        return person;
    }

    private Person lookUp(Staff staff) {
        String name = accounts.get(staff.userId()).name();
        Map<String, String> agencyNames = staff.agencies().isEmpty() ? Map.of() : accounts.agencies().stream()
                .collect(Collectors.toMap(StaffAccounts.AgencyGroup::code, StaffAccounts.AgencyGroup::name));
        Set<String> roles = new TreeSet<>();
        for (Role role : staff.roles()) {
            Set<String> agencies = new TreeSet<>();
            staff.agencies().getOrDefault(role, Set.of())
                    .forEach(code -> agencies.add(agencyNames.getOrDefault(code, "").isBlank() ? code : agencyNames.get(code)));
            roles.add(agencies.isEmpty() ? role.label() : role.label() + "（" + String.join("、", agencies) + "）");
        }
        boolean tasklist = authorizations.isUserAuthorized(staff.userId(), staff.groupIds().stream().toList(),
                Permissions.ACCESS, Resources.APPLICATION, "tasklist");
        return new Person(staff.userId(), name.isBlank() ? staff.userId() : name, roles.stream().toList(), tasklist);
    }
}
