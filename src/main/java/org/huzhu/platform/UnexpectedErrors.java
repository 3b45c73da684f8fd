package org.huzhu.platform;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What no handler of a module answers: unknown paths, wrong methods and content types, and
 * anything unexpected, still as problem JSON in Chinese. Internals stay in the log under a
 * reference the person can quote; the database being away ({@link DatabaseAway}) is a 503 to
 * retry, not an error.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedErrors {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> unknownPath(NoResourceFoundException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "没有这个地址：/" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ProblemDetail> problem = ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED", "此地址不接受 " + e.getMethod() + " 请求");
        return e.getSupportedHttpMethods() == null ? problem : ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders()).header(HttpHeaders.ALLOW, e.getSupportedHttpMethods().stream()
                        .map(Object::toString).toArray(String[]::new)).body(problem.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException e) {
        return ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "不支持这种请求内容类型：" + e.getContentType() + "；请使用 " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ProblemResponses.problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "无法以所要求的格式答复");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        // Spring 6.2.19 reports Tomcat's limit on the number of parts as one on size: too many, not too large
        if (tooManyParts(e)) {
            return tooManyFiles();
        }
        return ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "上传的内容过大");
    }

    /** More parts than the server takes (server.tomcat.max-part-count), or a body that is no multipart. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badUpload(MultipartException e, HttpServletRequest request) {
        Object forwardedStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (forwardedStatus != null) {
            // an error page for an upload another servlet already refused and read: its status stands
            return ProblemErrorController.forStatus(forwardedStatus);
        }
        if (tooManyParts(e)) {
            return tooManyFiles();
        }
        return ProblemResponses.invalidInput(List.of(new FieldProblem("", "MALFORMED_MULTIPART", "上传的内容格式有误")));
    }

    private static boolean tooManyParts(MultipartException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> tooManyFiles() {
        return ProblemResponses.invalidInput(List.of(new FieldProblem("files", "TOO_MANY_FILES", "一次上传的文件过多")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return ProblemResponses.invalidInput(List.of(new FieldProblem(e.getRequestPartName(), "REQUIRED", "必填")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseAway.causedBy(e)) {
            return DatabaseAway.problem(e);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, reference {}", reference, e);
        return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "系统出现意外错误，请稍后再试；如仍不行，请把编号 " + reference + " 告诉管理员");
    }
}
