package org.huzhu.claim;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.huzhu.papers.PaperSettings;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.PaperFiles;
import org.huzhu.support.WorkbenchSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;
import static org.huzhu.support.PaperFiles.file;
import static org.huzhu.support.PaperFiles.upload;

/** Papers as files over the API, on the disk store: upload, checks, handing in, reading, the audit trail. */
@HuzhuIntegrationTest
class ClaimPapersApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaperSettings settings;
    @Autowired
    ClaimPapers claimPapers;
    @Autowired
    StaffDirectory directory;

    final ObjectMapper json = new ObjectMapper();

    private String claimJson(List<String> documents) throws IOException {
        Map<String, Object> claim = ClaimRequests.claim(new Api(rest).enrolledMember(), "3000.00");
        claim.put("documents", documents);
        return json.writeValueAsString(claim);
    }

    @Test
    void aClaimTakenInWithAFileOfEachTypeGoesStraightToTheAgencyCheckAndEachOpeningIsRecorded() throws Exception {
        Api api = new Api(rest);
        byte[] png = PaperFiles.image("png", 600, 400, 1);
        byte[] jpeg = PaperFiles.image("jpeg", 800, 600, 2);
        byte[] pdf = PaperFiles.pdf(3);
        // the originals of four papers seen at the counter, files of the other two
        String claim = claimJson(List.of("INVOICE", "EXPENSE_LIST", "ID_CARD", "BANK_CARD"));
        Api.Answer submitted = require(api.post("clerk", "/api/claims", upload(claim,
                List.of("DISCHARGE_SUMMARY", "SETTLEMENT_STATEMENT", "SETTLEMENT_STATEMENT"),
                List.of(file("出院小结.png", png), file("结算单.jpg", jpeg), file("C:\\扫描\\结算单.pdf", pdf)))), 201);
        long id = submitted.body().get("id").asLong();
        assertThat(submitted.body().get("status").asText()).isEqualTo("AGENCY_CHECK");
        assertThat(submitted.body().get("documents")).hasSize(6);

        JsonNode list = require(api.get("league", "/api/claims/" + id + "/papers"), 200).body();
        assertThat(list.get("status").asText()).isEqualTo("AGENCY_CHECK");
        List<JsonNode> papers = new ArrayList<>();
        list.get("papers").forEach(papers::add);
        assertThat(papers).extracting(p -> p.get("kind").asText() + " " + p.get("kindLabel").asText() + " "
                        + p.get("name").asText() + " " + p.get("contentType").asText() + " " + p.get("pages").asText())
                .containsExactly("DISCHARGE_SUMMARY 出院小结 出院小结.png image/png null",
                        "SETTLEMENT_STATEMENT 医保结算单 结算单.jpg image/jpeg null",
                        "SETTLEMENT_STATEMENT 医保结算单 结算单.pdf application/pdf 3");
        assertThat(papers.get(2).get("size").asLong()).isEqualTo(pdf.length);
        assertThat(papers.get(2).get("uploadedBy").asText()).isEqualTo("clerk");
        assertThat(jdbc.sql("select evidence || ':' || kind || ':' || coalesce(reason, '-') from claim_document"
                        + " where claim_id = :id order by 1").param("id", id).query(String.class).list())
                .containsExactly("COUNTER:BANK_CARD:原件已在柜台查验", "COUNTER:EXPENSE_LIST:原件已在柜台查验",
                        "COUNTER:ID_CARD:原件已在柜台查验", "COUNTER:INVOICE:原件已在柜台查验",
                        "FILE:DISCHARGE_SUMMARY:-", "FILE:SETTLEMENT_STATEMENT:-");

        String pdfLink = papers.get(2).get("links").get("content").asText();
        long viewsBefore = views(id);
        ResponseEntity<byte[]> opened = bytes("league", pdfLink);
        assertThat(opened.getStatusCode().value()).isEqualTo(200);
        assertThat(opened.getBody()).isEqualTo(pdf);
        assertThat(opened.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(opened.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("inline; filename=\"paper-" + papers.get(2).get("id").asLong()
                        + ".pdf\"; filename*=UTF-8''%E7%BB%93%E7%AE%97%E5%8D%95.pdf");
        assertThat(opened.getHeaders().getCacheControl()).contains("no-store").contains("private");
        assertThat(opened.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(views(id)).isEqualTo(viewsBefore + 1);
        assertThat(jdbc.sql("select actor || ' ' || subject_type || ' ' || reason from audit_event"
                        + " where claim_id = :id and action = 'PAPER_VIEWED' order by id desc limit 1")
                .param("id", id).query(String.class).single()).isEqualTo("league PAPER 医保结算单");

        for (JsonNode paper : papers) {
            ResponseEntity<byte[]> thumbnail = bytes("agency", paper.get("links").get("thumbnail").asText());
            assertThat(thumbnail.getStatusCode().value()).isEqualTo(200);
            assertThat(thumbnail.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
            java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.getBody()));
            assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(240);
        }
        assertThat(views(id)).as("thumbnails are not recorded").isEqualTo(viewsBefore + 1);

        // the claim page shows each file as a thumbnail linking to the file, for the session's cookie
        WorkbenchSession league = WorkbenchSession.signIn(port, "league");
        org.jsoup.nodes.Document page = league.get("/claims/" + id).html();
        assertThat(page.select("ul.paper-files li .caption strong").eachText())
                .containsExactly("出院小结", "医保结算单", "医保结算单");
        assertThat(page.select("ul.paper-files li").last().text()).contains("结算单.pdf", "PDF · 3页");
        assertThat(page.select("ul.paper-files a").eachAttr("href")).containsExactly(
                papers.stream().map(p -> p.get("links").get("content").asText()).toArray(String[]::new));
        assertThat(page.select("ul.paper-files img").eachAttr("src")).containsExactly(
                papers.stream().map(p -> p.get("links").get("thumbnail").asText()).toArray(String[]::new));
        assertThat(league.api("GET", pdfLink, null).status()).isEqualTo(200);
        assertThat(views(id)).isEqualTo(viewsBefore + 2);

        assertThat(bytes("agency", "/api/claims/" + id + "/papers/" + (papers.get(2).get("id").asLong() + 100000)
                + "/content").getStatusCode().value()).isEqualTo(404);
        // another agency's auditor and finance see neither the list nor a file
        for (String outsider : List.of("agency-b", "finance")) {
            assertThat(api.get(outsider, "/api/claims/" + id + "/papers").status()).isEqualTo(403);
            assertThat(bytes(outsider, pdfLink).getStatusCode().value()).isEqualTo(403);
            assertThat(bytes(outsider, papers.get(0).get("links").get("thumbnail").asText()).getStatusCode().value())
                    .isEqualTo(403);
        }
        assertThat(views(id)).isEqualTo(viewsBefore + 2);
        assertThat(leftovers()).as("temporary files in the store").isEmpty();
    }

    @Test
    void theLastMissingPaperUploadedAsAFileMovesTheClaimOnAsASupplementDoes() throws Exception {
        Api api = new Api(rest);
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "3000.00");
        claim.put("documents", List.of("INVOICE", "EXPENSE_LIST", "DISCHARGE_SUMMARY", "ID_CARD", "BANK_CARD"));
        long id = require(api.post("clerk", "/api/claims", claim), 201).body().get("id").asLong();
        assertThat(status(id)).isEqualTo("AWAITING_SUPPLEMENTS");
        assertThat(jdbc.sql("select materials_complete_at is null from claim where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();

        // only the clerk at the claim's agency (and admins) add files
        assertThat(api.post("agency", "/api/claims/" + id + "/papers",
                upload(null, List.of("SETTLEMENT_STATEMENT"), List.of(file("a.pdf", PaperFiles.pdf(1))))).status())
                .isEqualTo(403);
        Api.Answer wrongKind = api.post("clerk", "/api/claims/" + id + "/papers",
                upload(null, List.of("RECEIPT"), List.of(file("a.pdf", PaperFiles.pdf(1)))));
        assertThat(Api.fieldCodes(require(wrongKind, 400))).containsExactly("kind[0]:UNKNOWN_DOCUMENT");

        Api.Answer added = require(api.post("clerk", "/api/claims/" + id + "/papers",
                upload(null, List.of("SETTLEMENT_STATEMENT"), List.of(file("结算单.pdf", PaperFiles.pdf(2))))), 201);
        assertThat(added.body().get("status").asText()).isEqualTo("AGENCY_CHECK");
        assertThat(added.body().get("missingDocuments")).isEmpty();
        assertThat(added.body().get("papers")).hasSize(1);
        JsonNode after = require(api.get("clerk", "/api/claims/" + id), 200).body();
        assertThat(after.get("materialsCompleteAt").isNull()).isFalse();
        assertThat(after.get("history").findValuesAsText("step")).contains("SUPPLEMENTED");
        assertThat(api.taskOf("agency", id)).isNotBlank();
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysOrBreaksALimitIsRefusedAndNothingIsStored() throws Exception {
        Api api = new Api(rest);
        String claim = claimJson(ClaimRequests.ALL_DOCUMENTS);
        long claims = count("claim");
        long papers = count("paper");
        record Refused(String name, byte[] bytes, String code) {
        }
        for (Refused refused : List.of(
                new Refused("invoice.pdf", PaperFiles.program(), "UNSUPPORTED_FILE_TYPE"),
                new Refused("电子发票.ofd", PaperFiles.ofd(), "OFD_NOT_SUPPORTED"),
                new Refused("invoice.jpg", new byte[0], "EMPTY_FILE"),
                new Refused("long.pdf", PaperFiles.pdf(201), "TOO_MANY_PAGES"),
                new Refused("huge.png", PaperFiles.pngHeader(12_000, 10_000), "IMAGE_TOO_LARGE"),
                new Refused("broken.png", PaperFiles.pngHeader(100, 100), "UNREADABLE_FILE"))) {
            Api.Answer answer = api.post("clerk", "/api/claims", upload(claim, List.of("INVOICE"),
                    List.of(file(refused.name(), refused.bytes()))));
            assertThat(answer.status()).as(refused.name()).isEqualTo(400);
            assertThat(Api.fieldCodes(answer)).as(refused.name()).containsExactly("file[0]:" + refused.code());
        }
        // the claim's own problems are told with the file's
        Map<String, Object> broken = json.readValue(claim, Map.class);
        broken.put("hospital", "");
        Api.Answer both = api.post("clerk", "/api/claims", upload(json.writeValueAsString(broken), List.of("INVOICE"),
                List.of(file("invoice.pdf", PaperFiles.program()))));
        assertThat(Api.fieldCodes(require(both, 400))).contains("file[0]:UNSUPPORTED_FILE_TYPE", "hospital:REQUIRED");

        byte[] justOver = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PaperFiles.pdf(1), 0, justOver, 0, 5);
        Api.Answer overTen = api.post("clerk", "/api/claims", upload(claim, List.of("INVOICE"),
                List.of(file("big.pdf", justOver))));
        assertThat(Api.fieldCodes(require(overTen, 400))).containsExactly("file[0]:FILE_TOO_LARGE");
        // more than a claim's files can be at all: refused while it is read
        Api.Answer tooLarge = api.post("clerk", "/api/claims", upload(claim, List.of("INVOICE"),
                List.of(file("huge.pdf", new byte[52 * 1024 * 1024]))));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(count("claim")).isEqualTo(claims);
        assertThat(count("paper")).isEqualTo(papers);
    }

    @Test
    void aClaimsFilesTogetherStayWithinFiftyMegabytes() throws Exception {
        Api api = new Api(rest);
        long id = require(api.post("clerk", "/api/claims", upload(claimJson(ClaimRequests.ALL_DOCUMENTS),
                List.of(), List.of())), 201).body().get("id").asLong();
        // four photos of about 9.7 MB each, then two more at the same moment: only one of them fits
        for (int i = 0; i < 4; i++) {
            require(api.post("clerk", "/api/claims/" + id + "/papers", upload(null, List.of("INVOICE"),
                    List.of(file("photo" + i + ".png", PaperFiles.noise(1800, 1800, i))))), 201);
        }
        List<MultiValueMap<String, Object>> racing = List.of(
                upload(null, List.of("INVOICE"), List.of(file("photo4.png", PaperFiles.noise(1800, 1800, 4)))),
                upload(null, List.of("INVOICE"), List.of(file("photo5.png", PaperFiles.noise(1800, 1800, 5)))));
        List<Integer> statuses = atOnce(racing.stream().<Callable<Integer>>map(parts ->
                () -> api.post("clerk", "/api/claims/" + id + "/papers", parts).status()).toList());
        statuses.sort(null);
        assertThat(statuses).containsExactly(201, 400);
        Api.Answer over = api.post("clerk", "/api/claims/" + id + "/papers", upload(null, List.of("INVOICE"),
                List.of(file("one-more.png", PaperFiles.noise(1300, 1300, 99)))));
        assertThat(Api.fieldCodes(require(over, 400))).containsExactly("file:CLAIM_FILES_TOO_LARGE");
        assertThat(jdbc.sql("select count(*) from paper where claim_id = :id").param("id", id).query(Long.class)
                .single()).isEqualTo(5);
    }

    @Test
    void aCountersFormHoldsFiftyMegabytesEvenWhenTwoOfItsUploadsArriveAtOnce() throws Exception {
        Staff clerk = directory.staff("clerk");
        UUID form = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            claimPapers.stage(form, List.of("INVOICE"), List.of(new ClaimPapers.SentFile("photo" + i + ".png",
                    PaperFiles.noise(1800, 1800, 10 + i))), clerk);
        }
        List<String> outcomes = atOnce(List.of(4, 5).stream().<Callable<String>>map(i -> () -> {
            try {
                claimPapers.stage(form, List.of("INVOICE"), List.of(new ClaimPapers.SentFile("photo" + i + ".png",
                        PaperFiles.noise(1800, 1800, 10 + i))), clerk);
                return "staged";
            } catch (InvalidInputException refused) {
                return refused.problems().stream().map(p -> p.field() + ":" + p.code()).toList().toString();
            }
        }).toList());
        outcomes.sort(null);
        assertThat(outcomes).containsExactly("[file:CLAIM_FILES_TOO_LARGE]", "staged");
        assertThat(claimPapers.staged(form, clerk)).hasSize(5);
    }

    /** Runs the calls at the same moment, one thread each; their answers in the calls' order. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        CyclicBarrier together = new CyclicBarrier(calls.size());
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : threads.invokeAll(calls.stream().<Callable<T>>map(call -> () -> {
                together.await();
                return call.call();
            }).toList())) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void theSameBytesAreStoredOnceForEveryClaimAndDamagedBytesAreReportedNotServed() throws Exception {
        Api api = new Api(rest);
        byte[] card = PaperFiles.image("png", 300, 200, 7_000 + System.nanoTime() % 1000);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(require(api.post("clerk", "/api/claims", upload(claimJson(ClaimRequests.ALL_DOCUMENTS),
                    List.of("BANK_CARD"), List.of(file("银行卡.png", card)))), 201).body().get("id").asLong());
        }
        // sent twice to the same claim (a retry), still one row
        require(api.post("clerk", "/api/claims/" + ids.get(0) + "/papers",
                upload(null, List.of("BANK_CARD"), List.of(file("银行卡.png", card)))), 201);
        List<String> hashes = jdbc.sql("select sha256 from paper where claim_id in (:ids)").param("ids", ids)
                .query(String.class).list();
        assertThat(hashes).hasSize(2).containsOnly(hashes.get(0));
        String hash = hashes.get(0);
        Path stored = settings.directory().resolve(hash.substring(0, 2)).resolve(hash);
        assertThat(Files.readAllBytes(stored)).isEqualTo(card);
        try (Stream<Path> files = Files.list(stored.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(hash))).hasSize(1);
        }

        long paper = jdbc.sql("select id from paper where claim_id = :id").param("id", ids.get(1)).query(Long.class).single();
        String content = "/api/claims/" + ids.get(1) + "/papers/" + paper + "/content";
        byte[] damaged = card.clone();
        damaged[damaged.length / 2] ^= 0x01;
        Files.write(stored, damaged);
        long views = views(ids.get(1));
        for (int i = 0; i < 2; i++) {
            Api.Answer refused = api.get("league", content);
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("code").asText()).isEqualTo("PAPER_DAMAGED");
        }
        assertThat(views(ids.get(1))).isEqualTo(views);
        String log = Files.readString(Path.of("target/huzhu-test.log"), StandardCharsets.UTF_8);
        assertThat(log.lines().filter(line -> line.contains("no longer matches its hash") && line.contains(hash)))
                .hasSize(1);
    }

    @Test
    void theQrCodeOnAnInvoiceIsReadAndCheckedAgainstTheTypedInvoice() throws Exception {
        Api api = new Api(rest);
        String number = String.format("%08d", System.nanoTime() % 100_000_000L);
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "3000.00");
        claim.put("invoices", List.of(Map.of("code", "044001900111", "number", number)));
        claim.put("documents", List.of("EXPENSE_LIST", "DISCHARGE_SUMMARY", "SETTLEMENT_STATEMENT", "ID_CARD", "BANK_CARD"));
        String typed = "01,10,044001900111," + number + ",1264.90,20261118,85342965681116380258,A1B2,";
        String other = "01,10,044001900111,99999999,88.00,20261118,85342965681116380258,A1B2,";
        String fiscal = "https://pjcy.example.gov.cn/check?no=" + number;
        byte[] photo = PaperFiles.png(PaperFiles.qrPage(1240, 1754, typed, 80, 80, 6));
        byte[] scan = PaperFiles.pdfOf(PaperFiles.qrPage(1240, 1754, other, 900, 80, 6));
        byte[] bill = PaperFiles.png(PaperFiles.qrPage(1000, 800, fiscal, 100, 100, 5));
        long id = require(api.post("clerk", "/api/claims", upload(json.writeValueAsString(claim), List.of("INVOICE"),
                List.of(file("发票.png", photo), file("发票扫描.pdf", scan), file("财政票据.png", bill)))), 201)
                .body().get("id").asLong();

        List<JsonNode> papers = new ArrayList<>();
        require(api.get("agency", "/api/claims/" + id + "/papers"), 200).body().get("papers").forEach(papers::add);
        assertThat(papers).extracting(p -> p.get("qrText").asText()).containsExactly(typed, other, fiscal);
        assertThat(papers.get(0).get("invoiceQr").get("number").asText()).isEqualTo(number);
        assertThat(papers.get(0).get("invoiceQr").get("amount").asText()).isEqualTo("1264.90");
        assertThat(papers.get(1).get("invoiceQr").get("number").asText()).isEqualTo("99999999");
        assertThat(papers.get(2).get("invoiceQr").isNull()).isTrue();

        org.jsoup.nodes.Document page = WorkbenchSession.signIn(port, "agency").get("/claims/" + id).html();
        List<org.jsoup.nodes.Element> files = page.select("ul.paper-files li");
        assertThat(files.get(0).select(".qr").text())
                .isEqualTo("二维码：增值税电子普通发票 代码044001900111 号码" + number + "，1,264.90元，2026-11-18");
        assertThat(files.get(0).select(".qr-warning")).isEmpty();
        assertThat(files.get(1).select(".qr-warning").text()).isEqualTo("二维码中的发票代码、号码与录入的发票不一致，请核对");
        assertThat(files.get(2).select(".qr").text()).isEqualTo("二维码（格式未知，请人工核对）：" + fiscal);
    }

    @Test
    void anInvoiceClaimedBeforeIsFoundByTheQrCodeOnItsFileWhateverWasTyped() throws Exception {
        Api api = new Api(rest);
        String taken = String.format("%08d", System.nanoTime() % 100_000_000L);
        String qr = "01,10,044001900111," + taken + ",1264.90,20261118,85342965681116380258,A1B2,";
        Map<String, Object> first = ClaimRequests.claim(api.enrolledMember(), "3000.00");
        first.put("invoices", List.of(Map.of("code", "044001900111", "number", taken)));
        long holder = require(api.post("clerk", "/api/claims", first), 201).body().get("id").asLong();
        assertThat(status(holder)).isEqualTo("AGENCY_CHECK");

        // typed with a slip, but the photo's QR code names the invoice the first claim holds
        Map<String, Object> again = ClaimRequests.claim(api.enrolledMember(), "3000.00");
        again.put("invoices", List.of(Map.of("code", "044001900111", "number", (taken.charAt(0) == '1' ? "2" : "1") + taken.substring(1))));
        byte[] photo = PaperFiles.png(PaperFiles.qrPage(1240, 1754, qr, 80, 80, 6));
        long twice = require(api.post("clerk", "/api/claims", upload(json.writeValueAsString(again), List.of("INVOICE"),
                List.of(file("发票.png", photo)))), 201).body().get("id").asLong();
        assertThat(status(twice)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select rejection_reason from claim where id = :id").param("id", twice).query(String.class)
                .single()).isEqualTo("发票已用于其他申请：044001900111-" + taken);

        // a file added after the pre-check: the auditor is warned, and the claim holds what its file names
        Map<String, Object> later = ClaimRequests.claim(api.enrolledMember(), "3000.00");
        String fresh = String.format("%08d", (System.nanoTime() + 7) % 100_000_000L);
        later.put("invoices", List.of(Map.of("code", "044001900111", "number", fresh)));
        long third = require(api.post("clerk", "/api/claims", later), 201).body().get("id").asLong();
        require(api.post("clerk", "/api/claims/" + third + "/papers", upload(null, List.of("INVOICE"),
                List.of(file("发票.png", photo)))), 201);
        org.jsoup.nodes.Document page = WorkbenchSession.signIn(port, "agency").get("/claims/" + third).html();
        assertThat(page.select("ul.paper-files .qr-warning").text())
                .isEqualTo("二维码所示发票已用于申请 " + holder + "，请核对是否重复申领");

        // a fully digital invoice (数电票): a 20-digit number and no code
        Map<String, Object> digital = ClaimRequests.claim(api.enrolledMember(), "3000.00");
        String digits = "2611" + String.format("%016d", System.nanoTime() % 10_000_000_000_000_000L);
        digital.put("invoices", List.of(Map.of("code", "", "number", digits)));
        long fourth = require(api.post("clerk", "/api/claims", digital), 201).body().get("id").asLong();
        assertThat(jdbc.sql("select code || '/' || number from claim_invoice where claim_id = :id").param("id", fourth)
                .query(String.class).single()).isEqualTo("/" + digits);
    }

    @Test
    void aPageIsRenderedTurnedAndRecordedForTheClaimsReadersOnly() throws Exception {
        Api api = new Api(rest);
        // three pages, the second twice as wide as it is high: its picture shows which page was drawn
        byte[] pdf = PaperFiles.pdf(PDRectangle.A4, new PDRectangle(800, 400), PDRectangle.A4);
        byte[] photo = PaperFiles.image("jpeg", 4000, 3000, 3);
        long id = require(api.post("clerk", "/api/claims", upload(claimJson(ClaimRequests.ALL_DOCUMENTS),
                List.of("SETTLEMENT_STATEMENT", "DISCHARGE_SUMMARY"),
                List.of(file("结算单.pdf", pdf), file("出院小结.jpg", photo)))), 201).body().get("id").asLong();
        List<Long> papers = jdbc.sql("select id from paper where claim_id = :id order by id").param("id", id)
                .query(Long.class).list();
        String pages = "/api/claims/" + id + "/papers/" + papers.get(0) + "/pages/";
        long views = views(id);

        ResponseEntity<byte[]> upright = bytes("agency", pages + "2");
        assertThat(upright.getStatusCode().value()).isEqualTo(200);
        assertThat(upright.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
        assertThat(upright.getHeaders().getCacheControl()).contains("no-store").contains("private");
        assertThat(upright.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(upright.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("inline; filename=\"paper-" + papers.get(0) + "-2.jpg\"");
        BufferedImage wide = picture(upright);
        assertThat(wide.getWidth()).isEqualTo(1800);
        assertThat(wide.getHeight()).isEqualTo(900);

        ResponseEntity<byte[]> turned = bytes("league", pages + "2?rotate=90");
        assertThat(turned.getStatusCode().value()).isEqualTo(200);
        BufferedImage high = picture(turned);
        assertThat(high.getWidth()).isEqualTo(wide.getHeight());
        assertThat(high.getHeight()).isEqualTo(wide.getWidth());
        BufferedImage upsideDown = picture(bytes("league", pages + "2?rotate=180"));
        assertThat(upsideDown.getWidth()).isEqualTo(wide.getWidth());
        // the first page is A4 upright: higher than wide
        BufferedImage first = picture(bytes("league", pages + "1?rotate=270"));
        assertThat(first.getWidth()).isBetween(1799, 1800);
        assertThat(first.getHeight()).isBetween(1271, 1273);
        // a 12-megapixel photo is its one page, read at a fraction of its pixels and fitted
        BufferedImage shot = picture(bytes("agency", "/api/claims/" + id + "/papers/" + papers.get(1) + "/pages/1"));
        assertThat(shot.getWidth()).isEqualTo(1800);
        assertThat(shot.getHeight()).isEqualTo(1350);

        assertThat(views(id)).as("each page shown is a read of the file").isEqualTo(views + 5);
        assertThat(jdbc.sql("select actor || ' ' || subject_type || ' ' || subject_id || ' ' || reason from audit_event"
                        + " where claim_id = :id and action = 'PAPER_VIEWED' order by id").param("id", id)
                .query(String.class).list()).containsExactly(
                "agency PAPER " + papers.get(0) + " 医保结算单 第2页", "league PAPER " + papers.get(0) + " 医保结算单 第2页",
                "league PAPER " + papers.get(0) + " 医保结算单 第2页", "league PAPER " + papers.get(0) + " 医保结算单 第1页",
                "agency PAPER " + papers.get(1) + " 出院小结");

        // pages the file does not have, turns that are not a quarter's
        for (String missing : List.of(pages + "0", pages + "4", "/api/claims/" + id + "/papers/" + papers.get(1) + "/pages/2")) {
            Api.Answer none = api.get("agency", missing);
            assertThat(none.status()).as(missing).isEqualTo(404);
            assertThat(none.contentType()).startsWith("application/problem+json");
            assertThat(none.body().get("code").asText()).isEqualTo("PAGE_NOT_FOUND");
        }
        assertThat(api.get("agency", pages + "4").body().get("detail").asText()).isEqualTo("该文件共 3 页，没有第 4 页");
        Api.Answer slanted = api.get("agency", pages + "1?rotate=45");
        assertThat(Api.fieldCodes(require(slanted, 400))).containsExactly("rotate:INVALID_ROTATION");
        assertThat(api.get("agency", pages + "1?rotate=-90").status()).isEqualTo(400);
        assertThat(Api.fieldCodes(require(api.get("agency", pages + "1?rotate=left"), 400)))
                .containsExactly("rotate:INVALID_FORMAT");
        // another agency's auditor and finance see no page of it
        for (String outsider : List.of("agency-b", "finance")) {
            assertThat(bytes(outsider, pages + "1").getStatusCode().value()).isEqualTo(403);
        }
        assertThat(views(id)).as("nothing shown, nothing recorded").isEqualTo(views + 5);
    }

    private static BufferedImage picture(ResponseEntity<byte[]> answer) throws IOException {
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(answer.getBody()));
    }

    private ResponseEntity<byte[]> bytes(String user, String path) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, HttpEntity.EMPTY, byte[].class);
    }

    private long views(long claimId) {
        return jdbc.sql("select count(*) from audit_event where claim_id = :id and action = 'PAPER_VIEWED'")
                .param("id", claimId).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from claim where id = :id").param("id", id).query(String.class).single();
    }

    /** Anything in the store that is not a file named by its hash. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> all = Files.walk(settings.directory())) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().matches("[0-9a-f]{64}")).toList();
        }
    }
}
