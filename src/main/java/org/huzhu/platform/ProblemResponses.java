package org.huzhu.platform;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of our API as RFC 7807 problem JSON, in Chinese, with stable codes. */
@RestControllerAdvice(basePackages = "org.huzhu")
@Order(0)
public class ProblemResponses {

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");
    private static final ObjectMapper FILTER_JSON = Jackson2ObjectMapperBuilder.json().build();

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return invalidInput(e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalidInput(List.of(problemOf(mapping, "")));
        }
        if (e.getCause() instanceof JsonParseException parse) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(parse.getOriginalMessage());
            if (duplicate.matches()) {
                return invalidInput(List.of(new FieldProblem(fieldAt(parse, duplicate.group(1)), "DUPLICATE_FIELD",
                        "字段 " + duplicate.group(1) + " 出现了不止一次")));
            }
        }
        return invalidInput(List.of(new FieldProblem("", "MALFORMED_JSON", "请求内容不是有效的 JSON")));
    }

    /** The JSON path of a field the parser stopped at, e.g. {@code bankAccount.accountName}. */
    private static String fieldAt(JsonParseException parse, String name) {
        JsonParser parser = parse.getProcessor();
        if (parser != null && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                return pointer.substring(1).replace('/', '.');
            }
        }
        return name;
    }

    /** The field a JSON value could not be read into, its path under {@code prefix}, and why. */
    public static FieldProblem problemOf(JsonMappingException mapping, String prefix) {
        String path = jsonPath(mapping.getPath());
        String field = prefix.isEmpty() || path.isEmpty() || path.startsWith("[") ? prefix + path : prefix + "." + path;
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(field, "UNKNOWN_FIELD", "无法识别的字段：" + unknown.getPropertyName());
        }
        if (mapping instanceof JsonConfiguration.InvisibleCharactersException) {
            return new FieldProblem(field, VisibleText.CODE, VisibleText.MESSAGE);
        }
        if (mapping instanceof JsonConfiguration.TextTooLongException tooLong) {
            return FieldProblem.tooLong(field, tooLong.limit());
        }
        if (mapping instanceof JsonConfiguration.ExpectedFormatException format) {
            return new FieldProblem(field, "INVALID_FORMAT", format.expected());
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldProblem(field, "INVALID_FORMAT", expected(mismatch.getTargetType()));
        }
        if (mapping.getCause() instanceof InputCoercionException outOfRange && outOfRange.getTargetType() != null) {
            // a number too large for its field, e.g. 99999999999 where an int goes
            return new FieldProblem(field, "INVALID_FORMAT", expected(outOfRange.getTargetType()));
        }
        return new FieldProblem(field, "INVALID_VALUE", "取值无法识别");
    }

    static final String MONEY = "金额须为数字，最多两位小数，不要千位分隔符，例如 1234.50";
    static final String PROPORTION = "比例须为 0 到 1 之间的小数，例如 0.30 表示三成";

    /** What a value of the type must look like, said to the person who typed it. */
    static String expected(Class<?> type) {
        if (type == BigDecimal.class) {
            return MONEY;
        }
        if (type == LocalDate.class) {
            return "日期格式为 年-月-日，例如 2026-12-01";
        }
        if (type == MonthDay.class) {
            return "月日格式为 --月-日，例如 --10-16 表示10月16日";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "须为 true 或 false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "须为整数，例如 10";
        }
        if (type.isEnum()) {
            return "只能是以下之一：" + String.join("、", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        if (type == String.class) {
            return "须为文字（用英文双引号括起来）";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "须为列表，例如 [ ... ]";
        }
        if (!type.isPrimitive() && !type.getName().startsWith("java.")) {
            return "须为一组字段，例如 { ... }";
        }
        return "格式不正确";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return invalidInput(List.of(new FieldProblem(e.getName(), "INVALID_FORMAT",
                e.getRequiredType() == null ? "格式不正确" : expected(e.getRequiredType()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return invalidInput(List.of(new FieldProblem(e.getParameterName(), "REQUIRED", "必填")));
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return problem(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "无权执行此操作");
    }

    public static ResponseEntity<ProblemDetail> invalidInput(List<FieldProblem> problems) {
        ProblemDetail body = detail(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "提交的内容有误，请按提示修改");
        body.setProperty("errors", problems);
        return respond(HttpStatus.BAD_REQUEST, body);
    }

    /** The problem as an answer; a 5xx is logged by whoever knows its cause, not here. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String message) {
        return respond(status, detail(status, code, message));
    }

    /** Writes a problem from a servlet filter, where no message converter runs. */
    public static void write(HttpServletResponse response, ResponseEntity<ProblemDetail> problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        FILTER_JSON.writeValue(response.getWriter(), problem.getBody());
    }

    /** The problem without answering it (the API description's examples). */
    static ProblemDetail detail(HttpStatus status, String code, String message) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, message);
        body.setType(URI.create("urn:huzhu:problem:" + code.toLowerCase().replace('_', '-')));
        body.setTitle(titleOf(status));
        body.setProperty("code", code);
        return body;
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String titleOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求有误";
            case UNAUTHORIZED -> "未登录";
            case FORBIDDEN -> "无权访问";
            case NOT_FOUND -> "未找到";
            case CONFLICT -> "状态冲突";
            default -> status.getReasonPhrase();
        };
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
