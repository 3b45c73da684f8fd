package org.huzhu.member.web;

import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.InvalidInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A member's page that fails answers with a page in the members' layout. Another member's claim
 * is "not found", exactly as one that does not exist; nothing of the cause is shown.
 */
@ControllerAdvice(annotations = MemberController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MemberPageErrors {

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        if (e instanceof DomainException refused) {
            return page(refused.status(), refused.status() == HttpStatus.NOT_FOUND ? "没有找到这个页面或这件申请。"
                    : refused.getMessage());
        }
        if (e instanceof InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, String.join("；", invalid.problems().stream().map(FieldProblem::message).toList()));
        }
        if (e instanceof MethodArgumentTypeMismatchException) {
            return page(HttpStatus.NOT_FOUND, "没有找到这个页面或这件申请。");
        }
        if (e instanceof ErrorResponse known) {
            return page(known.getStatusCode(), "无法完成，请返回首页重试。");
        }
        org.slf4j.LoggerFactory.getLogger(MemberPageErrors.class).error("member page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "系统出错，请稍后再试。");
    }

    private static ModelAndView page(HttpStatusCode status, String message) {
        ModelAndView page = new ModelAndView("member/error", status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
