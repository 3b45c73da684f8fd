package org.huzhu.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A failure that no handler answers (a servlet filter failing, before or after Spring MVC) is
 * answered here as problem JSON and logged once, by {@link UnexpectedErrors}. Left to the
 * servlet container, it would be logged by the container and again at {@code /error}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FailuresInFilters extends OncePerRequestFilter {

    private final UnexpectedErrors unexpected;

    FailuresInFilters(UnexpectedErrors unexpected) {
        this.unexpected = unexpected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                // too late for an answer of ours: the container ends the response and logs why
                throw e;
            }
            response.reset();
            ProblemResponses.write(response, unexpected.unexpected(e));
        }
    }
}
