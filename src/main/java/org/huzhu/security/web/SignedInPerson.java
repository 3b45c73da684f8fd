package org.huzhu.security.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.huzhu.platform.WorkbenchController;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffAccounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, as the frame of every page shows them: their name and roles in Chinese. */
@ControllerAdvice(annotations = WorkbenchController.class)
class SignedInPerson {

    /** The person's name and what they are, e.g. 代办点审核员（DEMO-A）. */
    record Me(String userId, String name, List<String> roles) {
    }

    private final StaffAccounts accounts;

    SignedInPerson(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    Me me(@AuthenticationPrincipal Staff staff) {
        if (staff == null) {
            return null;
        }
        String name = accounts.get(staff.userId()).name();
        Set<String> roles = new TreeSet<>();
        for (Role role : staff.roles()) {
            Set<String> agencies = staff.agencies().getOrDefault(role, Set.of());
            roles.add(agencies.isEmpty() ? role.label() : role.label() + "（" + String.join("、", new TreeSet<>(agencies)) + "）");
        }
        return new Me(staff.userId(), name.isBlank() ? staff.userId() : name, List.copyOf(roles));
    }
}
