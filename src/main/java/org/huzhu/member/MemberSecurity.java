package org.huzhu.member;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The members' door: every path under {@code /m/} has a filter chain of its own, ahead of the
 * staff's. A member session is kept under its own session attribute, so the staff's chains
 * never see it (a member on a staff page is sent to /login, on /api/** answered 401) and this
 * chain never sees a staff sign-in (staff on /m/ are sent to /m/login). CSRF tokens on every
 * form, a short session, logout at /m/logout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemberSettings.class)
class MemberSecurity {

    /** Where a member's sign-in lives in the session, apart from the staff's {@code SPRING_SECURITY_CONTEXT}. */
    static final String SESSION_KEY = "HUZHU_MEMBER_SECURITY_CONTEXT";

    /** As the workbench's pages: scripts and styles from our own files only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    MemberSessions memberSessions(MemberSettings settings, Clock clock) {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(SESSION_KEY);
        return new MemberSessions(repository, settings, clock);
    }

    @Bean
    @Order(0)
    SecurityFilterChain membersDoor(HttpSecurity http, MemberSessions sessions) throws Exception {
        return http.securityMatcher(path("/m/**"))
                .securityContext(context -> context.securityContextRepository(sessions.repository()))
                .addFilterBefore(sessions.idleTimeout(), SecurityContextHolderFilter.class)
                .headers(headers -> headers.addHeaderWriter(
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/m/login"), path("/m/login/code")).permitAll()
                        .anyRequest().hasAuthority(SignedInMember.AUTHORITY))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/m/login")))
                .logout(logout -> logout.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, "/m/logout"))
                        // the member's context goes, the browser's session (a staff sign-in too) stays
                        .invalidateHttpSession(false)
                        .logoutSuccessUrl("/m/login?logout"))
                .build();
    }

    private static org.springframework.security.web.util.matcher.RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
