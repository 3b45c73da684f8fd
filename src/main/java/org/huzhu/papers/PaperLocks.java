package org.huzhu.papers;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL advisory locks, held to the end of the transaction. On a hash: an upload holds its
 * hash's lock shared from before it writes the bytes until its row is committed or rolled back,
 * the sweep holds it alone while it makes sure no row names the hash and deletes the bytes. So
 * the sweep never deletes bytes that an upload has just found stored and is about to name, on
 * this node or another. On a counter's form: its uploads are counted against the claim's limit
 * one at a time.
 */
final class PaperLocks {

    /** The first of the two keys, so that the papers' locks meet no other advisory lock. */
    private static final int PAPERS = 0x7061_7065;
    /** The first key of a form's lock. */
    private static final int FORMS = 0x666f_726d;

    private PaperLocks() {
    }

    /** Waits for a sweep removing the hash's bytes to finish. */
    static void holdForUpload(JdbcClient jdbc, String sha256) {
        jdbc.sql("select 1 from pg_advisory_xact_lock_shared(:papers, :hash)").param("papers", PAPERS)
                .param("hash", key(sha256)).query().singleRow();
    }

    /** False when an upload of the same bytes is under way (or another node's sweep has the hash). */
    static boolean tryForRemoval(JdbcClient jdbc, String sha256) {
        return jdbc.sql("select pg_try_advisory_xact_lock(:papers, :hash)").param("papers", PAPERS)
                .param("hash", key(sha256)).query(Boolean.class).single();
    }

    /** Waits for another upload of the same form to commit or roll back. */
    static void holdForm(JdbcClient jdbc, UUID intakeKey) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:forms, :form)").param("forms", FORMS)
                .param("form", intakeKey.hashCode()).query().singleRow();
    }

    /** The hash's first 32 bits: two hashes sharing them only wait for each other. */
    private static int key(String sha256) {
        return (int) Long.parseLong(sha256.substring(0, 8), 16);
    }
}
