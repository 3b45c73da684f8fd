package org.huzhu.platform;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each answer of 500 or 503 leaves one entry in the log, written where its cause is known: the
 * unexpected failure with its reference and stack trace, the database being away as a warning.
 */
class ServerErrorsAreLoggedOnceTest {

    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void listen() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(log);
    }

    @Test
    void anUnexpectedFailureIsLoggedOnceWithTheReferenceThePersonIsGiven() {
        ResponseEntity<ProblemDetail> answer = new UnexpectedErrors().unexpected(new IllegalStateException("broken"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        String reference = answer.getBody().getDetail().replaceAll(".*编号 (\\S+) .*", "$1");
        List<ILoggingEvent> entries = entriesAtWarnOrAbove();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getLevel()).isEqualTo(Level.ERROR);
            assertThat(entry.getFormattedMessage()).contains(reference);
            assertThat(entry.getThrowableProxy().getMessage()).isEqualTo("broken");
        });
    }

    @Test
    void aFailingFilterIsAnsweredAndLoggedOnceBeforeTheContainerSeesIt() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new FailuresInFilters(new UnexpectedErrors()).doFilter(new MockHttpServletRequest("GET", "/api/claims"), response,
                (request, ignored) -> {
                    throw new IllegalStateException("a filter failed");
                });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("INTERNAL_ERROR");
        assertThat(entriesAtWarnOrAbove()).singleElement()
                .satisfies(entry -> assertThat(entry.getThrowableProxy().getMessage()).isEqualTo("a filter failed"));
    }

    @Test
    void theDatabaseAwayIsOneWarningAndNoError() {
        ResponseEntity<ProblemDetail> answer = new UnexpectedErrors()
                .unexpected(new DataAccessResourceFailureException("connection refused"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(entriesAtWarnOrAbove()).singleElement().satisfies(entry -> {
            assertThat(entry.getLevel()).isEqualTo(Level.WARN);
            assertThat(entry.getFormattedMessage()).contains("connection refused");
        });
    }

    @Test
    void aServletsBare500IsLoggedAtTheErrorPage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/engine-rest/task");
        assertThat(new ProblemErrorController(null).error(request).getStatusCode().value()).isEqualTo(500);
        assertThat(entriesAtWarnOrAbove()).singleElement()
                .satisfies(entry -> assertThat(entry.getFormattedMessage()).contains("/engine-rest/task"));
    }

    private List<ILoggingEvent> entriesAtWarnOrAbove() {
        return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }
}
