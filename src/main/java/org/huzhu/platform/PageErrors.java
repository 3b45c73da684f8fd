package org.huzhu.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.platform.web.WorkbenchLayout;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that fails answers with a page: in the workbench's frame, in Chinese, with the status
 * a program would get from the API. What is unexpected is logged under a reference, as there.
 */
@ControllerAdvice(annotations = WorkbenchController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final UnexpectedErrors unexpected = new UnexpectedErrors();
    private final WorkbenchLayout layout;

    PageErrors(WorkbenchLayout layout) {
        this.layout = layout;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletResponse response) {
        if (e instanceof DomainException refused) {
            return page(refused.status(), refused.getMessage());
        }
        if (e instanceof InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, String.join("；", invalid.problems().stream().map(FieldProblem::message).toList()));
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return page(HttpStatus.BAD_REQUEST, "地址中的 " + mismatch.getName() + " 格式不正确");
        }
        if (e instanceof AccessDeniedException) {
            return page(HttpStatus.FORBIDDEN, "当前角色无权打开此页面");
        }
        ResponseEntity<ProblemDetail> problem = e instanceof ErrorResponse known
                ? ProblemErrorController.forStatus(known.getStatusCode().value()) : unexpected.unexpected(e);
        return page(problem.getStatusCode(), problem.getBody().getDetail());
    }

    ModelAndView page(HttpStatusCode status, String message) {
        return layout.errorPage(status, message);
    }
}
