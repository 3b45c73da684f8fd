package org.huzhu.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every endpoint needs a signed-in user. Our API and the engine's REST API take HTTP Basic
 * against Camunda's users; the Camunda webapps keep their own login (same users), so Spring
 * lets their paths through to it. The supervisors' dashboard and the Prometheus metrics take
 * HTTP Basic too (the browser asks for it) and are for supervisors and admins.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private final ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(path("/api/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService) throws Exception {
        // The raw engine API can do anything to any process: administrators only.
        return stateless(http.securityMatcher(path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        // Process admins deploy through /api/admin/deployments, which checks first.
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/engine-rest/deployment/**"))
                        .hasRole(Role.ADMIN.name())
                        .anyRequest().hasAnyRole(Role.ADMIN.name(), Role.PROCESS_ADMIN.name()))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return stateless(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        // The webapps answer their own login and refuse their API without a session.
                        .requestMatchers(path("/camunda/**"), path("/"), path("/favicon.ico"), path("/error")).permitAll()
                        // Tasklist's login page asks for it (404 here): a Basic challenge opened the
                        // browser's password dialog over the page, which then took no input.
                        .requestMatchers(path("/camunda-welcome")).permitAll()
                        .requestMatchers(path("/sla"), path("/sla/**"), path("/actuator/prometheus"))
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .build();
    }

    /** Matches the whole path: /engine-rest is Jersey's servlet, not Spring MVC's. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }
}
