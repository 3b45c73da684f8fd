package org.huzhu.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * JSON bodies as Spring reads them, except that a body whose fields cannot be read into its
 * type is answered with every such field ({@link JsonFields}), not only the first. Syntax
 * errors and a key sent twice stop the parser and stay one problem ({@link ProblemResponses}).
 */
final class FieldByFieldJsonConverter extends MappingJackson2HttpMessageConverter {

    FieldByFieldJsonConverter(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        // kept to read a second time when the first reading fails; request bodies are small
        byte[] body = input.getBody().readAllBytes();
        try {
            return super.read(type, contextClass, new Buffered(body, input.getHeaders()));
        } catch (HttpMessageNotReadableException e) {
            if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                List<FieldProblem> problems = everyProblem(getJavaType(type, contextClass), body, input.getHeaders());
                if (!problems.isEmpty()) {
                    throw new InvalidInputException(problems);
                }
            }
            throw e;
        }
    }

    /** What a request sends is held to the text limits ({@link TextLimit}). */
    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType type) {
        return JsonFields.forRequest(reader);
    }

    private List<FieldProblem> everyProblem(JavaType type, byte[] body, HttpHeaders headers) throws IOException {
        JsonNode tree;
        try {
            tree = getObjectMapper().readTree(new String(body, getCharset(headers.getContentType())));
        } catch (JacksonException e) {
            // a syntax error after the first unreadable field: that field is what can be said
            return List.of();
        }
        return JsonFields.problems(customizeReader(getObjectMapper().readerFor(type), type), tree, "");
    }

    private record Buffered(byte[] body, HttpHeaders headers) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
