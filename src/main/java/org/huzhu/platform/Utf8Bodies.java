package org.huzhu.platform;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our API reads text as UTF-8. A body declared in another charset (GBK from an old office
 * system) was read as UTF-8 all the same and stored garbled (测试 became 娴嬭瘯); it is refused
 * with a 415 that says what to send instead.
 */
@Component
class Utf8Bodies extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Charset declared = declaredCharset(request.getContentType());
        if (declared == null || declared.equals(StandardCharsets.UTF_8) || declared.equals(StandardCharsets.US_ASCII)) {
            chain.doFilter(request, response);
        } else {
            ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_CHARSET", "请求内容须为 UTF-8 编码（收到的是 " + declared.name() + "）"));
        }
    }

    /** The charset the Content-Type names; an unknown one counts as not UTF-8. */
    private static Charset declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType).getCharset();
        } catch (IllegalArgumentException e) {
            // an unreadable type or an unknown charset
            return StandardCharsets.ISO_8859_1;
        }
    }
}
