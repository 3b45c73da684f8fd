package org.huzhu.platform;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query and form parameters with characters a person cannot see ({@link VisibleText}) are
 * refused before any handler reads them, with each parameter named, and so are parameters of
 * our API longer than {@link TextLimit#DEFAULT} (codes, dates, a user id: none is longer);
 * JSON bodies are checked field by field where they are read.
 */
@Component
class VisibleParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, List<String>> parameters;
        try {
            parameters = isMultipart(request) ? queryParameters(request.getQueryString()) : parameters(request);
        } catch (IllegalArgumentException e) {
            ProblemResponses.write(response, ProblemResponses.invalidInput(List.of(
                    new FieldProblem("", "MALFORMED_QUERY", "地址中的参数编码有误"))));
            return;
        }
        boolean limited = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        List<FieldProblem> problems = problems(parameters, limited);
        if (problems.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            ProblemResponses.write(response, ProblemResponses.invalidInput(problems));
        }
    }

    private static List<FieldProblem> problems(Map<String, List<String>> parameters, boolean limited) {
        List<FieldProblem> problems = new ArrayList<>();
        parameters.forEach((name, values) -> {
            boolean cleanName = VisibleText.isClean(name);
            String field = cleanName ? name : "";
            if (!cleanName || !values.stream().allMatch(VisibleText::isClean)) {
                problems.add(new FieldProblem(field, VisibleText.CODE, VisibleText.MESSAGE));
            } else if (limited && values.stream().anyMatch(value -> value.length() > TextLimit.DEFAULT)) {
                problems.add(FieldProblem.tooLong(field, TextLimit.DEFAULT));
            }
        });
        return problems;
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return parameters;
    }

    /** Reading an upload's parameters would parse it here, before its size limits answer as they should. */
    private static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase().startsWith("multipart/");
    }
}
