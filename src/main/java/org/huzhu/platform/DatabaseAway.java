package org.huzhu.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The database out of reach: a 503 to retry in a few seconds, wherever it is noticed. */
public final class DatabaseAway {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAway.class);

    static final String CODE = "DATABASE_UNAVAILABLE";
    static final String MESSAGE = "数据库暂时无法访问，请稍后再试";
    /** Seconds after which to try again. */
    static final String RETRY_AFTER = "5";

    private DatabaseAway() {
    }

    /**
     * Whether the failure is the database being out of reach: no connection within the pool's
     * wait, or PostgreSQL's connection and shutdown states (08xxx, 57P01-57P03).
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // a transaction that could not begin, commit or roll back: its connection is gone
            if (cause instanceof SQLTransientConnectionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /** 503 with a hint when to come back; the failure is logged once, as a warning: it is not a fault of ours. */
    public static ResponseEntity<ProblemDetail> problem(Throwable failure) {
        log.warn("Database unavailable: {}", failure.toString());
        ResponseEntity<ProblemDetail> problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, CODE, MESSAGE);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER).body(problem.getBody());
    }
}
