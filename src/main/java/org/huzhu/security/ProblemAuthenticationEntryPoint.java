package org.huzhu.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.platform.DatabaseAway;
import org.huzhu.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters, as problem JSON like every other refusal. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseAway.causedBy(e)) {
            // the password could not be checked: not a wrong one
            ProblemResponses.write(response, DatabaseAway.problem(e));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"huzhu\", charset=\"UTF-8\"");
        write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "无权执行此操作");
    }

    /** A problem answer written by a filter, before Spring MVC's ProblemResponses could. */
    static void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        ProblemResponses.write(response, ProblemResponses.problem(status, code, detail));
    }
}
