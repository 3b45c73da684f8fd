package org.huzhu.member;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Signs a member in: a fresh session id, their context under the members' own key, the members' timeout. */
public class MemberSessions {

    private final HttpSessionSecurityContextRepository repository;
    private final MemberSettings settings;

    MemberSessions(HttpSessionSecurityContextRepository repository, MemberSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    HttpSessionSecurityContextRepository repository() {
        return repository;
    }

    public void signIn(long memberId, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setMaxInactiveInterval((int) settings.sessionTimeout().toSeconds());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SignedInMember(memberId), null,
                List.of(new SimpleGrantedAuthority(SignedInMember.AUTHORITY))));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
