package org.huzhu.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every endpoint needs a signed-in user. Our API and the engine's REST API take HTTP Basic
 * against Camunda's users; the workbench's pages sign in with a form and keep a session, which
 * our API, the API's description and the metrics accept too. The Camunda webapps keep their own
 * login (same users), so Spring lets their paths through to it. Before any of this, two filters
 * refuse cross-site state changes and expressions sent to the engine's APIs.
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

    /** After Spring Security, before the webapps' own filters: the workbench's sign-in counts there too. */
    @Bean
    FilterRegistrationBean<WebappsSignIn> webappsSignIn(ProcessEngine engine) {
        FilterRegistrationBean<WebappsSignIn> filter = new FilterRegistrationBean<>(new WebappsSignIn(engine));
        filter.addUrlPatterns("/camunda/*");
        filter.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return filter;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return readsWorkbenchSession(http.securityMatcher(path("/api/**")))
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

    /** The actuator, the API's description and Camunda's webapps: HTTP Basic or the workbench's session. */
    @Bean
    @Order(3)
    SecurityFilterChain tools(HttpSecurity http) throws Exception {
        return readsWorkbenchSession(http.securityMatcher(new OrRequestMatcher(path("/actuator"), path("/actuator/**"),
                        path("/v3/api-docs"), path("/v3/api-docs/**"), path("/v3/api-docs.yaml"), path("/swagger-ui.html"),
                        path("/swagger-ui/**"), path("/camunda/**"), path("/camunda-welcome"))))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .requestMatchers(path("/actuator/prometheus")).hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers(path("/actuator"), path("/actuator/**")).hasRole(Role.ADMIN.name())
                        // The API's description and Swagger UI: every staff role; they describe, and hold no data.
                        .requestMatchers(path("/v3/api-docs"), path("/v3/api-docs/**"), path("/v3/api-docs.yaml"),
                                path("/swagger-ui.html"), path("/swagger-ui/**"))
                        .hasAnyRole(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new))
                        // The Admin webapp's first-run setup creates an administrator: camunda-admin is never empty.
                        .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
                        // The webapps answer their own login and refuse their API without a session.
                        // Tasklist's login page asks for /camunda-welcome (404 here): a Basic challenge
                        // opened the browser's password dialog over the page, which then took no input.
                        .requestMatchers(path("/camunda/**"), path("/camunda-welcome")).permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * The workbench (工作台): every other path. A Chinese sign-in page at /login, a session
     * cookie, CSRF tokens on every form, logout; an anonymous visitor is sent to /login. Pages
     * check roles themselves (as the API does), so each module keeps its own rules.
     */
    @Bean
    @Order(4)
    SecurityFilterChain workbench(HttpSecurity http, OpenSessions sessions) throws Exception {
        return withPolicy(http)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/login"), path("/css/**"), path("/js/**"), path("/webjars/**"),
                                path("/favicon.ico"), path("/error")).permitAll()
                        // the supervisors' dashboard is a static page calling the API
                        .requestMatchers(path("/sla"), path("/sla/**")).hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").successHandler(sessions.onSignIn()).failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }

    /** Matches the whole path: /engine-rest is Jersey's servlet, not Spring MVC's. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private HttpSecurity stateless(HttpSecurity http) throws Exception {
        return withPolicy(http)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /**
     * HTTP Basic as before, and the workbench's session when the browser holds one (the
     * supervisors' dashboard calls the API from a page). A request that changes something with
     * the session's cookie, not with credentials of its own, must carry the session's CSRF token.
     */
    private HttpSecurity readsWorkbenchSession(HttpSecurity http) throws Exception {
        return withPolicy(http)
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::changesBySessionCookie))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /** Camunda's webapps guard their own API with their own CSRF token, and are left to it. */
    private static boolean changesBySessionCookie(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getRequestedSessionId() != null
                && request.getHeader("Authorization") == null && !request.getRequestURI().startsWith("/camunda/");
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static HttpSecurity withPolicy(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(path("/camunda/**")),
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))));
    }
}
