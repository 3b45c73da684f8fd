package org.huzhu.sla.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supervisors' dashboard is a static page; its short address leads there. */
@RestController
class DashboardController {

    @GetMapping({"/sla", "/sla/"})
    ResponseEntity<Void> dashboard() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/sla/index.html")).build();
    }
}
