package org.huzhu.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.huzhu.platform.web.WorkbenchLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen before any of our handlers (the servlet container refusing a request,
 * a filter failing) reach {@code /error}: they answer as problem JSON in Chinese too, never
 * with a stack trace or the container's page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final UnexpectedErrors unexpected = new UnexpectedErrors();
    private final WorkbenchLayout layout;

    ProblemErrorController(WorkbenchLayout layout) {
        this.layout = layout;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception failure) {
            return unexpected.unexpected(failure);
        }
        ResponseEntity<ProblemDetail> problem = forStatus(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        if (problem.getStatusCode().is5xxServerError()) {
            // a servlet answered 5xx and said nothing more: this is the one place it is logged
            log.error("{} from {} without an exception", problem.getStatusCode().value(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        }
        return problem;
    }

    /** A browser asking for a page (the workbench: a refused page, a failed sign-in) gets the same answer as one. */
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = error(request);
        return layout.errorPage(problem.getStatusCode(), problem.getBody().getDetail());
    }

    /** The problem for the status a servlet, filter or the container set before forwarding here. */
    static ResponseEntity<ProblemDetail> forStatus(Object code) {
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        return switch (status) {
            case NOT_FOUND -> ProblemResponses.problem(status, "NOT_FOUND", "没有这个地址");
            case METHOD_NOT_ALLOWED -> ProblemResponses.problem(status, "METHOD_NOT_ALLOWED", "此地址不接受这种请求");
            case UNAUTHORIZED -> ProblemResponses.problem(status, "UNAUTHENTICATED", "请先登录");
            case FORBIDDEN -> ProblemResponses.problem(status, "FORBIDDEN", "无权执行此操作");
            case PAYLOAD_TOO_LARGE -> ProblemResponses.problem(status, "PAYLOAD_TOO_LARGE", "上传的内容过大");
            default -> status.is4xxClientError()
                    ? ProblemResponses.problem(status, "BAD_REQUEST", "请求无法处理，请检查地址和内容")
                    : ProblemResponses.problem(status, "INTERNAL_ERROR", "系统出现意外错误，请稍后再试");
        };
    }
}
