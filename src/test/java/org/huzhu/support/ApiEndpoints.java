package org.huzhu.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Our API's endpoints as the application maps them, so that a test covers a new one without listing it. */
public final class ApiEndpoints {

    private ApiEndpoints() {
    }

    public record Endpoint(HttpMethod method, String pattern, HandlerMethod handler) {

        /** The pattern with each path variable set to 1. */
        public String path() {
            return pattern.replaceAll("\\{[^}]+}", "1");
        }

        public boolean writes() {
            return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Every endpoint under {@code /api/}, in order of path and method. */
    public static List<Endpoint> all(RequestMappingHandlerMapping mappings) {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/"))
                        .forEach(pattern -> endpoints.add(new Endpoint(method.asHttpMethod(), pattern, handler)));
            }
        });
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(e -> e.method().name()));
        return endpoints;
    }

    /** The endpoints that change something: every method but GET, HEAD and OPTIONS. */
    public static List<Endpoint> writes(RequestMappingHandlerMapping mappings) {
        return all(mappings).stream().filter(Endpoint::writes).toList();
    }
}
