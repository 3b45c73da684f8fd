package org.huzhu.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser sent from another site: its {@code Origin}
 * (or, without one, its {@code Referer}) must be this app's own origin or one configured for a
 * proxy. Requests with neither (curl, scripts, the bank's batch jobs) are judged by their
 * credentials alone. HTTP Basic credentials cached by a browser are what this protects.
 */
class CrossSiteRequests extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<String> allowedOrigins;

    CrossSiteRequests(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(CrossSiteRequests::originOf).filter(o -> !o.isEmpty()).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sender = request.getHeader("Origin") != null ? request.getHeader("Origin") : request.getHeader("Referer");
        String claimed = sender == null ? null : originOf(sender);
        if (claimed != null && STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))
                && !claimed.equals(ownOrigin(request)) && !allowedOrigins.contains(claimed)) {
            ProblemAuthenticationEntryPoint.write(response, HttpStatus.FORBIDDEN, "CROSS_SITE_REQUEST",
                    "请求来自其他网站，已拒绝");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String ownOrigin(HttpServletRequest request) {
        return originOf(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    /** scheme://host[:port] in lower case without the scheme's default port; "" when unreadable. */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
