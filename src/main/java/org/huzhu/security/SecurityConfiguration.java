package org.huzhu.security;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every endpoint needs a signed-in user. Our API and the engine's REST API take HTTP Basic
 * against Camunda's users; the Camunda webapps keep their own login (same users), so Spring
 * lets their paths through to it. The supervisors' dashboard and the Prometheus metrics take
 * HTTP Basic too (the browser asks for it) and are for supervisors and admins. Before any of
 * this, two filters refuse cross-site state changes and expressions sent to the engine's APIs.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Our own pages load scripts and styles from their own files only; Camunda's webapps send their own policy. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();

    @Bean
    FilterRegistrationBean<CrossSiteRequests> crossSiteRequests(Environment environment) {
        List<String> allowed = Binder.get(environment)
                .bind("huzhu.security.allowed-origins", Bindable.listOf(String.class)).orElse(List.of());
        FilterRegistrationBean<CrossSiteRequests> filter = new FilterRegistrationBean<>(new CrossSiteRequests(allowed));
        filter.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
        return filter;
    }

    @Bean
    FilterRegistrationBean<ExpressionsInEngineRequests> expressionsInEngineRequests() {
        FilterRegistrationBean<ExpressionsInEngineRequests> filter =
                new FilterRegistrationBean<>(new ExpressionsInEngineRequests());
        filter.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return filter;
    }

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
        // The raw engine API can do anything to any process: administrators only. Who may deploy
        // here is the engine's to say (OnlyAdministratorsDeploy): only system administrators.
        return stateless(http.securityMatcher(path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
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
                        .requestMatchers(path("/sla"), path("/sla/**"), path("/actuator/prometheus"))
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers(path("/actuator"), path("/actuator/**")).hasRole(Role.ADMIN.name())
                        // The API's description and Swagger UI: every staff role; they describe, and hold no data.
                        .requestMatchers(path("/v3/api-docs"), path("/v3/api-docs/**"), path("/v3/api-docs.yaml"),
                                path("/swagger-ui.html"), path("/swagger-ui/**"))
                        .hasAnyRole(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new))
                        // The Admin webapp's first-run setup creates an administrator: camunda-admin is never empty.
                        .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
                        // The webapps answer their own login and refuse their API without a session.
                        .requestMatchers(path("/camunda/**"), path("/"), path("/favicon.ico"), path("/error")).permitAll()
                        // Tasklist's login page asks for it (404 here): a Basic challenge opened the
                        // browser's password dialog over the page, which then took no input.
                        .requestMatchers(path("/camunda-welcome")).permitAll()
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
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(path("/camunda/**")),
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }
}
