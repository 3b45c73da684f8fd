package org.huzhu.member;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a member in: a fresh session id, their context under the members' own key. The members'
 * idle timeout is theirs alone: a browser that staff are signed in with too (the demo's) keeps the
 * staff's session when the member's ends, by timeout or by 退出.
 */
public class MemberSessions {

    /** When the member last asked for a page, in epoch milliseconds. */
    static final String SEEN_KEY = "HUZHU_MEMBER_SEEN";

    private final HttpSessionSecurityContextRepository repository;
    private final MemberSettings settings;
    private final Clock clock;

    MemberSessions(HttpSessionSecurityContextRepository repository, MemberSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    HttpSessionSecurityContextRepository repository() {
        return repository;
    }

    public void signIn(long memberId, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        // the session outlives the member's timeout; the timeout itself is kept by {@link #idleTimeout()}
        session.setMaxInactiveInterval(Math.max(session.getMaxInactiveInterval(), (int) settings.sessionTimeout().toSeconds()));
        session.setAttribute(SEEN_KEY, clock.millis());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SignedInMember(memberId), null,
                List.of(new SimpleGrantedAuthority(SignedInMember.AUTHORITY))));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }

    /**
     * Before the member's context is read: a member idle for longer than the timeout is signed out
     * (their context removed, nothing else of the session); otherwise the request counts as seen.
     */
    Filter idleTimeout() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(MemberSecurity.SESSION_KEY) != null) {
                    long now = clock.millis();
                    Object seen = session.getAttribute(SEEN_KEY);
                    if (!(seen instanceof Long at) || now - at > settings.sessionTimeout().toMillis()) {
                        session.removeAttribute(MemberSecurity.SESSION_KEY);
                        session.removeAttribute(SEEN_KEY);
                    } else {
                        session.setAttribute(SEEN_KEY, now);
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }
}
