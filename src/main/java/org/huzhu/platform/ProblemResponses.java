package org.huzhu.platform;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of our API as RFC 7807 problem JSON, in Chinese, with stable codes. */
@RestControllerAdvice(basePackages = "org.huzhu")
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return invalidInput(e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalidInput(List.of(problemOf(mapping, "")));
        }
        return invalidInput(List.of(new FieldProblem("", "MALFORMED_JSON", "请求内容不是有效的 JSON")));
    }

    /** The field a JSON value could not be read into, its path under {@code prefix}, and why. */
    public static FieldProblem problemOf(JsonMappingException mapping, String prefix) {
        String path = jsonPath(mapping.getPath());
        String field = prefix.isEmpty() || path.isEmpty() || path.startsWith("[") ? prefix + path : prefix + "." + path;
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(field, "UNKNOWN_FIELD", "无法识别的字段：" + unknown.getPropertyName());
        }
        boolean wrongFormat = mapping instanceof InvalidFormatException;
        return new FieldProblem(field, wrongFormat ? "INVALID_FORMAT" : "INVALID_VALUE",
                wrongFormat ? "格式不正确" : "取值无法识别");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return invalidInput(List.of(new FieldProblem(e.getName(), "INVALID_FORMAT", "格式不正确")));
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

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String message) {
        if (status.is5xxServerError()) {
            log.error("{}: {}", code, message);
        }
        return respond(status, detail(status, code, message));
    }

    private static ProblemDetail detail(HttpStatus status, String code, String message) {
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
