package org.huzhu.claim.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimPapers;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.ClaimSubmission;
import org.huzhu.papers.InvoiceQr;
import org.huzhu.papers.Paper;
import org.huzhu.platform.Beijing;
import org.huzhu.security.Staff;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of a claim's papers over the API (docs/papers.md): multipart parts {@code file},
 * each with a {@code kind} part in the same order (or one {@code kind} for all); with a claim,
 * a {@code claim} part of JSON beside them.
 */
@RestController
@RequestMapping("/api/claims")
class ClaimPapersController {

    private final ClaimPapers papers;
    private final ClaimViews views;

    ClaimPapersController(ClaimPapers papers, ClaimViews views) {
        this.papers = papers;
        this.views = views;
    }

    /** A claim with its files, as {@code POST /api/claims} with JSON answers it. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ClaimView> submit(@RequestPart("claim") ClaimSubmission claim,
                                     @RequestParam(name = "kind", required = false) List<String> kinds,
                                     @RequestParam(name = "file", required = false) List<MultipartFile> files,
                                     @AuthenticationPrincipal Staff staff) {
        Claim submitted = papers.submit(claim, orNone(kinds), sent(files), staff);
        return ResponseEntity.created(URI.create("/api/claims/" + submitted.id())).body(views.of(submitted));
    }

    @PostMapping("/{id}/papers")
    ResponseEntity<PapersView> add(@PathVariable long id, @RequestParam(name = "kind", required = false) List<String> kinds,
                                   @RequestParam(name = "file", required = false) List<MultipartFile> files,
                                   @AuthenticationPrincipal Staff staff) {
        return ResponseEntity.created(URI.create("/api/claims/" + id + "/papers"))
                .body(view(papers.add(id, orNone(kinds), sent(files), staff)));
    }

    /** A file of the claim's papers. */
    /**
     * @param qrText    an invoice's QR code as decoded, when it has one
     * @param invoiceQr what that code says, when its layout is known (docs/papers.md)
     */
    record PaperView(long id, String kind, String kindLabel, String name, String contentType, long size, Integer pages,
                     String sha256, String uploadedBy, OffsetDateTime uploadedAt, String qrText, InvoiceQr invoiceQr,
                     Links links) {
    }

    /** {@code content}: the file itself (each opening is recorded); {@code thumbnail}: a small JPEG (not recorded). */
    record Links(String content, String thumbnail) {
    }

    /** The claim's files, and where the claim stands: which papers it still waits for. */
    record PapersView(long claimId, ClaimStatus status, List<String> missingDocuments, List<PaperView> papers) {
    }

    @GetMapping("/{id}/papers")
    PapersView list(@PathVariable long id, @AuthenticationPrincipal Staff staff) {
        return view(papers.list(id, staff));
    }

    /** The file as it was handed in: shown in the browser, kept by no shared cache, never sniffed as another type. */
    @GetMapping("/{id}/papers/{paperId}/content")
    ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long paperId,
                                   @AuthenticationPrincipal Staff staff, HttpServletResponse response) {
        ClaimPapers.Opened opened = papers.open(id, paperId, staff);
        Paper paper = opened.paper();
        return file(opened.bytes(), MediaType.parseMediaType(paper.type().mediaType()), response)
                .header(HttpHeaders.CONTENT_DISPOSITION, inline(paper))
                .body(opened.bytes());
    }

    @GetMapping("/{id}/papers/{paperId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long paperId,
                                     @AuthenticationPrincipal Staff staff, HttpServletResponse response) {
        byte[] jpeg = papers.thumbnail(id, paperId, staff).bytes();
        return file(jpeg, MediaType.IMAGE_JPEG, response).body(jpeg);
    }

    /**
     * A page of the file as a JPEG, turned clockwise by {@code rotate} degrees; each is recorded
     * as a read of the file. Not kept by the browser either ({@code no-store}), as the file is
     * not: a cached page would be read again unrecorded, and on a counter's shared computer
     * stay on its disk; a page is quick to render again.
     */
    @GetMapping("/{id}/papers/{paperId}/pages/{number}")
    ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable long paperId, @PathVariable int number,
                                @RequestParam(defaultValue = "0") int rotate,
                                @AuthenticationPrincipal Staff staff, HttpServletResponse response) {
        byte[] jpeg = papers.page(id, paperId, number, rotate, staff).bytes();
        return file(jpeg, MediaType.IMAGE_JPEG, response)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"paper-" + paperId + "-" + number + ".jpg\"")
                .body(jpeg);
    }

    /** A file's answer; its type without the charset that the server puts on text (a file has none). */
    private static ResponseEntity.BodyBuilder file(byte[] bytes, MediaType type, HttpServletResponse response) {
        response.setCharacterEncoding((String) null);
        return ResponseEntity.ok().contentType(type).contentLength(bytes.length)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff");
    }

    private static PapersView view(ClaimPapers.Files files) {
        Claim claim = files.claim();
        String base = "/api/claims/" + claim.id() + "/papers/";
        String missing = claim.missingDocuments();
        return new PapersView(claim.id(), claim.status(), missing == null ? List.of() : Arrays.asList(missing.split(",")),
                files.papers().stream().map(p -> new PaperView(p.id(), p.kind().name(), p.kind().label(), p.originalName(),
                        p.type().mediaType(), p.size(), p.pages(), p.sha256(), p.uploadedBy(),
                        p.uploadedAt().atZone(Beijing.ZONE).toOffsetDateTime(), p.qrText(), p.invoiceQr().orElse(null),
                        new Links(base + p.id() + "/content", base + p.id() + "/thumbnail"))).toList());
    }

    /**
     * {@code inline}, with an ASCII name of our own ({@code paper-12.pdf}) and the sender's name in
     * UTF-8 beside it, its extension the one of what the file is.
     */
    static String inline(Paper paper) {
        String extension = "." + paper.type().extension();
        String name = paper.originalName();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return "inline; filename=\"paper-" + paper.id() + extension + "\"; filename*=UTF-8''"
                + percentEncoded(stem + extension);
    }

    /** RFC 8187's value characters as they are, every other byte of the UTF-8 as %XX. */
    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return encoded.toString();
    }

    private static List<String> orNone(List<String> kinds) {
        return kinds == null ? List.of() : kinds;
    }

    static List<ClaimPapers.SentFile> sent(List<MultipartFile> files) {
        List<ClaimPapers.SentFile> sent = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try {
                sent.add(new ClaimPapers.SentFile(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("an uploaded file could not be read", e);
            }
        }
        return sent;
    }
}
