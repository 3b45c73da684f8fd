package org.huzhu.workflow.web;

import org.camunda.bpm.engine.AuthorizationException;
import org.huzhu.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The engine's own authorization refusals answer like ours: 403 problem JSON. */
@RestControllerAdvice(basePackages = "org.huzhu")
class EngineRefusals {

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ProblemDetail> refused(AuthorizationException e) {
        return ProblemResponses.problem(HttpStatus.FORBIDDEN, "ENGINE_FORBIDDEN", "流程引擎拒绝了此操作：权限不足");
    }
}
