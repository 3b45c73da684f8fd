package org.huzhu.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** HTTP Basic against Camunda's identity service: the same account as in Tasklist. */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffDirectory directory;
    private final VerifiedCredentials verified;

    StaffAuthenticationProvider(StaffDirectory directory, VerifiedCredentials verified) {
        this.directory = directory;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("bad credentials");
        }
        String password = credentials.toString();
        Staff staff = verified.find(userId, password).orElseGet(() -> {
            long started = verified.checkStarts();
            // false for a wrong password and for a locked account alike (SignInLocks)
            if (!directory.checkPassword(userId, password)) {
                throw new BadCredentialsException("bad credentials");
            }
            Staff signedIn = directory.staff(userId);
            verified.remember(password, signedIn, started);
            return signedIn;
        });
        List<SimpleGrantedAuthority> authorities = staff.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
