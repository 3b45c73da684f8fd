package org.huzhu.claim;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.huzhu.audit.AuditTrail;
import org.huzhu.papers.Paper;
import org.huzhu.papers.PaperSettings;
import org.huzhu.papers.PaperSweep;
import org.huzhu.papers.Papers;
import org.huzhu.platform.Beijing;
import org.huzhu.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The papers' retention rule and sweep (docs/papers.md, "Retention"). A claim is closed when it
 * is paid (its {@code paid_at}) or rejected (the step of its history that rejected it: an
 * auditor's {@code REJECT} or the pre-check's {@code INELIGIBLE}); once it has been closed for
 * {@code huzhu.papers.retention.closed-claims-for}, its files are let go, each in the audit trail,
 * while its {@code claim_document} rows still say which papers were handed in by file. Then the
 * store's bytes that no file names any more go ({@link PaperSweep}). Closed claims are only ever
 * read here, so the rule lives with the claims and the papers module knows no claim's state.
 */
@Component
public class ClaimPaperRetention {

    private static final Logger log = LoggerFactory.getLogger(ClaimPaperRetention.class);
    /** Claims let go of in one transaction. */
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final Papers papers;
    private final PaperSweep sweep;
    private final PaperSettings settings;
    private final AuditTrail audit;
    private final ClaimHistory history;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ClaimPaperRetention(JdbcClient jdbc, Papers papers, PaperSweep sweep, PaperSettings settings, AuditTrail audit,
                        ClaimHistory history, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.papers = papers;
        this.sweep = sweep;
        this.settings = settings;
        this.audit = audit;
        this.history = history;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * What a run did.
     *
     * @param files the closed claims' files let go by the rule
     * @param swept what the sweep then removed from the store
     */
    public record Outcome(long files, PaperSweep.Swept swept) {
    }

    /** Daily by default, in Beijing time; another node running it at the same time does no harm. */
    @Scheduled(cron = "${huzhu.papers.retention.sweep-cron}", zone = "Asia/Shanghai")
    public Outcome run() {
        long files = settings.retention().closedClaimsKept().map(this::applyRule).orElse(0L);
        PaperSweep.Swept swept = sweep.sweep();
        log.info("Paper retention: {} files of closed claims and {} of forms never sent let go, {} unnamed files and {}"
                + " unfinished writes removed", files, swept.abandoned(), swept.unnamed(), swept.leftovers());
        return new Outcome(files, swept);
    }

    private long applyRule(Period kept) {
        Instant closedBefore = clock.instant().atZone(Beijing.ZONE).minus(kept).toInstant();
        String reason = "结案已满保存期限（" + kept + "），文件按保存期限删除";
        long files = 0;
        long after = 0;
        for (List<Long> claims = closedBefore(closedBefore, after); !claims.isEmpty();
             claims = closedBefore(closedBefore, after)) {
            List<Long> page = claims;
            files += transaction.execute(status -> {
                List<Paper> forgotten = papers.forget(page);
                forgotten.forEach(paper -> audit.record(Staff.SYSTEM, "PAPER_DELETED", "PAPER", Long.toString(paper.id()),
                        paper.claimId(), paper.kind().label() + "：" + reason));
                // the claim's own history says so too, for its page's 材料 section
                forgotten.stream().collect(Collectors.groupingBy(Paper::claimId, TreeMap::new, Collectors.counting()))
                        .forEach((claim, count) -> history.record(claim, ClaimEvent.PAPERS_DELETED, Staff.SYSTEM,
                                clock.instant(), null, count + " 个文件；" + reason));
                return (long) forgotten.size();
            });
            after = claims.get(claims.size() - 1);
        }
        return files;
    }

    /** The next page of claims (by id) paid or rejected before the instant. */
    private List<Long> closedBefore(Instant instant, long after) {
        return jdbc.sql("""
                        select c.id from claim c
                         where c.status in ('PAID', 'REJECTED') and c.id > :after
                           and case c.status when 'PAID' then c.paid_at
                               else (select max(e.occurred_at) from claim_event e
                                      where e.claim_id = c.id and e.decision in ('REJECT', 'INELIGIBLE')) end < :before
                         order by c.id limit :page
                        """)
                .param("after", after).param("before", Timestamp.from(instant)).param("page", PAGE)
                .query(Long.class).list();
    }
}
