package org.huzhu.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a {@link HuzhuIntegrationTest} needs to drive claims through their process: the API as
 * the demo users, the {@link ClaimDriver}, the engine's tasks and jobs, the database and the
 * port (for Tasklist sessions). The subclass carries {@code @HuzhuIntegrationTest} itself.
 */
public abstract class ClaimProcessTest {

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected JdbcClient jdbc;
    @LocalServerPort
    protected int port;

    protected Api api;
    protected ClaimDriver claims;

    @BeforeEach
    void startDriving() {
        api = new Api(rest);
        claims = new ClaimDriver(api, taskService, management, jdbc);
    }
}
