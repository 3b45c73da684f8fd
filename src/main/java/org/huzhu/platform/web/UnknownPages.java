package org.huzhu.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** A browser that opens an address nobody serves gets a page saying so; programs keep their problem JSON. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class UnknownPages {

    private final WorkbenchLayout layout;

    UnknownPages(WorkbenchLayout layout) {
        this.layout = layout;
    }

    @ExceptionHandler(value = NoResourceFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView unknownPage(NoResourceFoundException e) {
        return layout.errorPage(HttpStatus.NOT_FOUND, "没有这个地址：/" + e.getResourcePath());
    }
}
