package org.huzhu.papers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes from the store the bytes that no row of {@code paper} names (a claim's upload that
 * rolled back, files whose rows the retention rule let go) once they are older than the grace
 * ({@code huzhu.papers.retention.grace}), and what writes cut off left behind. Two nodes sweeping
 * at once do no harm: each hash is removed under its lock ({@link PaperLocks}), and removing
 * bytes already gone changes nothing.
 */
@Service
public class PaperSweep {

    /** Hashes asked about in one query. */
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final PaperStore store;
    private final PaperSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PaperSweep(JdbcClient jdbc, PaperStore store, PaperSettings settings, Clock clock,
               PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * What a sweep removed.
     *
     * @param abandoned files uploaded in counter forms that were never sent (rows with no claim)
     * @param unnamed   files no claim's file named
     * @param leftovers temporary files of writes that never finished
     */
    public record Swept(long abandoned, long unnamed, long leftovers) {
    }

    public Swept sweep() {
        Instant writtenBefore = clock.instant().minus(settings.retention().grace());
        // a form's files older than the grace belong to a form nobody will send; their bytes go below
        long abandoned = jdbc.sql("delete from paper where claim_id is null and uploaded_at < :before")
                .param("before", java.sql.Timestamp.from(writtenBefore)).update();
        long leftovers = store.removeLeftovers(writtenBefore);
        long unnamed = 0;
        try (Stream<PaperStore.Stored> stored = store.stored()) {
            Iterator<PaperStore.Stored> old = stored.filter(s -> s.writtenAt().isBefore(writtenBefore)).iterator();
            List<String> batch = new ArrayList<>(BATCH);
            while (old.hasNext()) {
                batch.add(old.next().sha256());
                if (batch.size() == BATCH || !old.hasNext()) {
                    unnamed += removeUnnamed(batch);
                    batch.clear();
                }
            }
        }
        return new Swept(abandoned, unnamed, leftovers);
    }

    private long removeUnnamed(List<String> hashes) {
        Set<String> named = new HashSet<>(jdbc.sql("select distinct sha256 from paper where sha256 in (:hashes)")
                .param("hashes", hashes).query(String.class).list());
        return hashes.stream().filter(hash -> !named.contains(hash)).filter(this::removeIfUnnamed).count();
    }

    /** Asked again under the lock: an upload may have named the hash since the batch was looked at. */
    private boolean removeIfUnnamed(String sha256) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!PaperLocks.tryForRemoval(jdbc, sha256) || jdbc.sql("select exists (select 1 from paper where sha256 = :hash)")
                    .param("hash", sha256).query(Boolean.class).single()) {
                return false;
            }
            store.delete(sha256);
            return true;
        }));
    }
}
