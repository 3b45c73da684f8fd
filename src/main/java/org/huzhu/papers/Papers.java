package org.huzhu.papers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.DocumentKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The papers of claims: their rows in {@code paper} (in the caller's transaction, beside the
 * claim's change) and their bytes in the {@link PaperStore}, which are checked against their
 * hash whenever they are read.
 */
@Service
public class Papers {

    private static final Logger log = LoggerFactory.getLogger(Papers.class);

    private final JdbcClient jdbc;
    private final PaperStore store;
    /** Hashes found damaged since start: each is logged once, however often someone asks for it. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    Papers(JdbcClient jdbc, PaperStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * A problem when the files would take the claim's papers past {@link PaperLimits#CLAIM_BYTES};
     * a claim being taken in (null) has none yet. The caller holds the claim's lock, so that two
     * uploads at once cannot both pass.
     */
    public void checkRoom(Long claimId, List<CheckedPaper> papers, Problems problems) {
        long stored = claimId == null ? 0 : jdbc.sql("select coalesce(sum(size_bytes), 0) from paper where claim_id = :claim")
                .param("claim", claimId).query(Long.class).single();
        checkRoom(stored, papers, problems);
    }

    /**
     * As {@link #checkRoom(Long, List, Problems)} for the files a counter's form holds so far; it
     * takes the form's lock to the end of the transaction, so two uploads of one form are counted
     * one after the other (the form has no row of its own to lock).
     */
    public void checkRoom(UUID intakeKey, String clerk, List<CheckedPaper> papers, Problems problems) {
        PaperLocks.holdForm(jdbc, intakeKey);
        checkRoom(staged(intakeKey, clerk).stream().mapToLong(Paper::size).sum(), papers, problems);
    }

    private static void checkRoom(long stored, List<CheckedPaper> papers, Problems problems) {
        long adding = papers.stream().mapToLong(CheckedPaper::size).sum();
        if (stored + adding > PaperLimits.CLAIM_BYTES) {
            problems.add("file", "CLAIM_FILES_TOO_LARGE", "一个申请的文件合计不能超过 50 MB（已有 "
                    + megabytes(stored) + " MB，本次 " + megabytes(adding) + " MB）");
        }
    }

    /** The column's length: a longer text is kept cut (no known layout is anywhere near it). */
    private static final int QR_TEXT_LONGEST = 2000;

    private static String megabytes(long bytes) {
        return String.format("%.1f", bytes / (1024.0 * 1024.0));
    }

    /**
     * Keeps the files' bytes, then their rows for the claim. The same file for the same kind of
     * the same claim again (a retry) is one row. Bytes written for a transaction that then rolls
     * back stay in the store under their hash, unnamed by any row, until the sweep ({@link PaperSweep})
     * removes them or the next upload of them names them.
     */
    public List<Paper> store(long claimId, List<CheckedPaper> papers, String uploadedBy, Instant uploadedAt) {
        return papers.stream().map(paper -> insert("claim_id = :owner", claimId, paper, uploadedBy, uploadedAt)).toList();
    }

    /**
     * Keeps files uploaded in a counter's form before its claim exists, under the form's key and
     * the clerk: they count for the claim {@link #adopt adopting} them when it is taken in.
     */
    public List<Paper> stage(UUID intakeKey, List<CheckedPaper> papers, String clerk, Instant uploadedAt) {
        return papers.stream().map(paper -> insert("claim_id is null and intake_key = :owner", intakeKey, paper, clerk,
                uploadedAt)).toList();
    }

    /** The files the clerk's form holds so far, in the order they came. */
    public List<Paper> staged(UUID intakeKey, String clerk) {
        return jdbc.sql("select * from paper where claim_id is null and intake_key = :key and uploaded_by = :clerk order by id")
                .param("key", intakeKey).param("clerk", clerk).query(Papers::paper).list();
    }

    /** The form's files become the claim's, in the claim's transaction; answers them. */
    public List<Paper> adopt(UUID intakeKey, String clerk, long claimId) {
        List<Paper> staged = staged(intakeKey, clerk);
        jdbc.sql("update paper set claim_id = :claim, intake_key = null where claim_id is null and intake_key = :key and uploaded_by = :clerk")
                .param("claim", claimId).param("key", intakeKey).param("clerk", clerk).update();
        return staged;
    }

    /** A file the clerk no longer wants in the form (the wrong photo); nothing when it is not theirs. */
    public void unstage(UUID intakeKey, String clerk, long paperId) {
        jdbc.sql("delete from paper where id = :id and claim_id is null and intake_key = :key and uploaded_by = :clerk")
                .param("id", paperId).param("key", intakeKey).param("clerk", clerk).update();
    }

    /** The row of a file for its owner (a claim, or a form's key); the same file of the same kind again is that row. */
    private Paper insert(String owned, Object owner, CheckedPaper paper, String uploadedBy, Instant uploadedAt) {
        PaperLocks.holdForUpload(jdbc, paper.sha256());
        store.put(paper.sha256(), paper.bytes());
        String qr = paper.kind() == DocumentKind.INVOICE ? InvoiceQrReading.of(paper.type(), paper.bytes()) : null;
        boolean staged = owner instanceof UUID;
        jdbc.sql("""
                        insert into paper (claim_id, intake_key, kind, original_name, content_type, size_bytes, sha256, pages,
                            uploaded_by, uploaded_at, qr_text)
                        values (:claim, :key, :kind, :name, :type, :size, :sha256, :pages, :by, :at, :qr)
                        on conflict do nothing
                        """)
                .param("claim", staged ? null : owner).param("key", staged ? owner : null)
                .param("kind", paper.kind().name()).param("name", paper.originalName())
                .param("type", paper.type().mediaType()).param("size", paper.size()).param("sha256", paper.sha256())
                .param("pages", paper.pages()).param("by", uploadedBy).param("at", Timestamp.from(uploadedAt))
                .param("qr", qr == null || qr.length() <= QR_TEXT_LONGEST ? qr : qr.substring(0, QR_TEXT_LONGEST))
                .update();
        return jdbc.sql("select * from paper where " + owned + " and kind = :kind and sha256 = :sha256")
                .param("owner", owner).param("kind", paper.kind().name()).param("sha256", paper.sha256())
                .query(Papers::paper).single();
    }

    /** The claim's papers in the order they came. */
    public List<Paper> ofClaim(long claimId) {
        return jdbc.sql("select * from paper where claim_id = :claim order by id").param("claim", claimId)
                .query(Papers::paper).list();
    }

    /**
     * Lets go of the files of the claims: their rows go, in the caller's transaction, and their
     * bytes with the next sweep once no other claim's file names them. Answers the files let go.
     */
    public List<Paper> forget(List<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("delete from paper where claim_id in (:claims) returning *").param("claims", claimIds)
                .query(Papers::paper).list();
    }

    /** The paper of the claim; 404 when the claim has none of that id. */
    public Paper get(long claimId, long paperId) {
        return jdbc.sql("select * from paper where claim_id = :claim and id = :id")
                .param("claim", claimId).param("id", paperId).query(Papers::paper).optional()
                .orElseThrow(() -> DomainException.notFound("PAPER_NOT_FOUND", "该申请没有这个材料文件：" + paperId));
    }

    /** The paper's bytes, checked against its hash: damaged or missing bytes are reported, not answered. */
    public byte[] content(Paper paper) {
        byte[] bytes = store.get(paper.sha256()).orElseThrow(() -> damaged(paper, "PAPER_MISSING",
                "is missing from", "该文件在存储中找不到，未予显示；已报告管理员"));
        if (!PaperChecks.sha256(bytes).equals(paper.sha256())) {
            throw damaged(paper, "PAPER_DAMAGED", "no longer matches its hash in",
                    "该文件已损坏（内容与登记的校验值不符），未予显示；已报告管理员");
        }
        return bytes;
    }

    /** A small JPEG of the image or of a PDF's first page, for lists. */
    public byte[] thumbnail(Paper paper) {
        return picture(paper, 0, PaperPictures.THUMBNAIL, 0);
    }

    /** The turns a page may be shown at, in degrees clockwise. */
    public static final List<Integer> ROTATIONS = List.of(0, 90, 180, 270);

    /**
     * Page {@code number} (from 1; an image has one) as a JPEG to read on screen, about
     * {@link PaperPictures#PAGE} pixels on its longer side, turned clockwise by {@code rotation}
     * degrees: a page the file does not have is 404, a turn not in {@link #ROTATIONS} 400.
     */
    public byte[] page(Paper paper, int number, int rotation) {
        if (!ROTATIONS.contains(rotation)) {
            throw new InvalidInputException("rotate", "INVALID_ROTATION", "旋转角度只能是 0、90、180 或 270 度");
        }
        if (number < 1 || number > paper.pageCount()) {
            throw DomainException.notFound("PAGE_NOT_FOUND",
                    "该文件共 " + paper.pageCount() + " 页，没有第 " + number + " 页");
        }
        return picture(paper, number - 1, PaperPictures.PAGE, rotation / 90);
    }

    private byte[] picture(Paper paper, int index, int longest, int quarterTurns) {
        try {
            return PaperPictures.jpeg(paper.type(), content(paper), index, longest, quarterTurns);
        } catch (IOException e) {
            throw new UncheckedIOException("no picture of paper " + paper.id(), e);
        }
    }

    private PaperDamagedException damaged(Paper paper, String code, String what, String message) {
        if (reported.add(paper.sha256())) {
            log.error("Paper {} of claim {} {} the paper store ({}): SHA-256 {}", paper.id(), paper.claimId(), what,
                    store.describe(), paper.sha256());
        }
        return new PaperDamagedException(code, message);
    }

    private static Paper paper(ResultSet row, int rowNumber) throws SQLException {
        return new Paper(row.getLong("id"), (Long) row.getObject("claim_id"), DocumentKind.valueOf(row.getString("kind")),
                row.getString("original_name"), PaperType.ofMediaType(row.getString("content_type")),
                row.getLong("size_bytes"), row.getString("sha256"), (Integer) row.getObject("pages"),
                row.getString("uploaded_by"), row.getTimestamp("uploaded_at").toInstant(), row.getString("qr_text"));
    }
}
