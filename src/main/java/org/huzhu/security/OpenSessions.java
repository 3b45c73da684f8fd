package org.huzhu.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * The workbench sessions each person holds on this node, so that an account an administrator
 * stops is signed out at once rather than when its session times out. Sessions on another
 * node end at their timeout (30 minutes) or at their next sign-in check.
 */
@Component
public class OpenSessions implements HttpSessionListener {

    private static final String OWNER = OpenSessions.class.getName() + ".owner";

    private final Map<String, Set<HttpSession>> byPerson = new ConcurrentHashMap<>();

    /** Signs in as the form login does (back to the page asked for, else home), and keeps the session. */
    SavedRequestAwareAuthenticationSuccessHandler onSignIn() {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws ServletException, IOException {
                if (authentication.getPrincipal() instanceof Staff staff) {
                    HttpSession session = request.getSession();
                    session.setAttribute(OWNER, staff.userId());
                    byPerson.computeIfAbsent(staff.userId(), id -> ConcurrentHashMap.newKeySet()).add(session);
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /** Ends every session of the person here; returns how many. */
    int end(String userId) {
        Set<HttpSession> sessions = byPerson.remove(userId);
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (HttpSession session : sessions) {
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyOver) {
                // timed out or signed out meanwhile
            }
        }
        return ended;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(OWNER) instanceof String userId) {
            Set<HttpSession> sessions = byPerson.get(userId);
            if (sessions != null) {
                sessions.remove(event.getSession());
            }
        }
    }
}
