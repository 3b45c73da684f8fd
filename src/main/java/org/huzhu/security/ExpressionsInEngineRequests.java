package org.huzhu.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every request to the engine's REST API and the webapps' API whose parameters or body
 * carry an expression ({@code ${...}}, {@code #{...}}), for every user: the engine evaluates
 * some of them in queries although ad-hoc query expressions are off (Camunda 7.24 CE evaluates
 * those inside a task query's {@code orQueries}), and an expression runs as code.
 * Two exceptions: a Tasklist filter (stored query) may use the engine's identity functions, and
 * a deployment upload is not read (BPMN holds expressions; the engine's authorizations decide
 * who deploys).
 */
class ExpressionsInEngineRequests extends OncePerRequestFilter {

    /** The engine API's own path under each of its spellings, e.g. /task for /engine-rest/engine/default/task. */
    private static final Pattern ENGINE_API = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
    private static final Pattern FILTER_SAVE = Pattern.compile("^/filter/(?:create|[^/]+)$");
    private static final Pattern DEPLOYMENT_CREATE = Pattern.compile("^/deployment/create$");
    private static final Set<String> IDENTITY_FUNCTIONS = Set.of("${currentUser()}", "${currentUserGroups()}");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engineApi = ENGINE_API.matcher(path(request));
        String enginePath = engineApi.matches() ? engineApi.group(1) : "";
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        boolean multipart = contentType.startsWith("multipart/");
        boolean form = contentType.startsWith("application/x-www-form-urlencoded");

        // Read here, decoded as the engine will, and replayed; the container never parses it.
        boolean refused = carriesExpression(percentDecoded(request.getQueryString()));
        HttpServletRequest forwarded = request;
        if (!refused && !(multipart && DEPLOYMENT_CREATE.matcher(enginePath).matches())) {
            byte[] body = request.getInputStream().readAllBytes();
            forwarded = new ReplayedBody(request, body);
            String text = new String(body, charsetOf(request));
            boolean filterSave = FILTER_SAVE.matcher(enginePath).matches()
                    && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
            refused = form ? carriesExpression(percentDecoded(text)) : jsonCarriesExpression(text, filterSave);
        }
        if (refused) {
            ProblemAuthenticationEntryPoint.write(response, HttpStatus.BAD_REQUEST, "EXPRESSION_NOT_ALLOWED",
                    "引擎接口的参数和请求内容不能包含表达式（${ 或 #{）");
            return;
        }
        chain.doFilter(forwarded, response);
    }

    /** Every key and string value of a JSON body, escapes decoded; a body that is not JSON as text. */
    private static boolean jsonCarriesExpression(String text, boolean identityFunctionsAllowed) {
        if (text.isBlank()) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(text)) {
            boolean found = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    found |= carriesExpression(parser.currentName());
                } else if (token == JsonToken.VALUE_STRING) {
                    String value = parser.getText();
                    found |= carriesExpression(value) && !(identityFunctionsAllowed && IDENTITY_FUNCTIONS.contains(value));
                }
            }
            return found;
        } catch (IOException notJson) {
            return carriesExpression(unicodeUnescaped(text));
        }
    }

    static boolean carriesExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** %XX decoded (and + as space) as UTF-8; malformed escapes are kept as they are. */
    static String percentDecoded(String text) {
        if (text == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String unicodeUnescaped(String text) {
        return UNICODE_ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    private static Charset charsetOf(HttpServletRequest request) {
        try {
            return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(request.getCharacterEncoding());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The decoded, normalised path the servlet container maps, not the raw URI. */
    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /** The request with its body, already read, served again to the engine. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charsetOf(this)));
        }
    }
}
