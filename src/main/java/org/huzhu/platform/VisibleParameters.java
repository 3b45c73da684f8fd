package org.huzhu.platform;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * refused before any handler reads them, with each parameter named; JSON bodies are checked
 * field by field where they are read.
 */
@Component
class VisibleParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> problems = isMultipart(request) ? queryProblems(request) : parameterProblems(request);
        if (problems.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            ProblemResponses.write(response, ProblemResponses.invalidInput(problems));
        }
    }

    private static List<FieldProblem> parameterProblems(HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean cleanName = VisibleText.isClean(parameter.getKey());
            boolean clean = cleanName;
            for (String value : parameter.getValue()) {
                clean &= VisibleText.isClean(value);
            }
            if (!clean) {
                problems.add(new FieldProblem(cleanName ? parameter.getKey() : "", VisibleText.CODE, VisibleText.MESSAGE));
            }
        }
        return problems;
    }

    /** Reading an upload's parameters would parse it here, before its size limits answer as they should. */
    private static List<FieldProblem> queryProblems(HttpServletRequest request) {
        String query = request.getQueryString();
        try {
            return query == null || VisibleText.isClean(URLDecoder.decode(query, StandardCharsets.UTF_8)) ? List.of()
                    : List.of(new FieldProblem("", VisibleText.CODE, VisibleText.MESSAGE));
        } catch (IllegalArgumentException e) {
            return List.of(new FieldProblem("", "MALFORMED_QUERY", "地址中的参数编码有误"));
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase().startsWith("multipart/");
    }
}
