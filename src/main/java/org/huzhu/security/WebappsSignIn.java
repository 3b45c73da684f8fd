package org.huzhu.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for the workbench and Camunda's webapps: someone signed in at /login who opens
 * Tasklist, Cockpit or Admin is signed in there as the same user, with the engine's own check
 * of which webapps they may use. Without a workbench session the webapps' own login works as
 * before. Runs after Spring Security, which has read the session's person.
 */
class WebappsSignIn extends OncePerRequestFilter {

    private final ProcessEngine engine;

    WebappsSignIn(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Staff staff) {
            Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
            Authentication webapps = signedIn.getAuthenticationForProcessEngine(engine.getName());
            if (webapps == null || !staff.userId().equals(webapps.getIdentityId())) {
                signedIn.addOrReplace(AuthenticationUtil.createAuthentication(engine, staff.userId(),
                        List.copyOf(staff.groupIds()), List.of()));
                AuthenticationUtil.updateSession(session, signedIn);
            }
        }
        chain.doFilter(request, response);
    }
}
