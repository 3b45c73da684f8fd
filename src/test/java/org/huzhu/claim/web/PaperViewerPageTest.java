package org.huzhu.claim.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.PaperFiles;
import org.huzhu.support.WorkbenchSession;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;
import static org.huzhu.support.PaperFiles.file;
import static org.huzhu.support.PaperFiles.upload;

/** The claim page's viewer of the files beside the decision: what it shows, the links of its controls, who may. */
@HuzhuIntegrationTest
class PaperViewerPageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theViewerShowsNothingUntilAFileIsPickedThenLinksEachControlToTheNextState() throws Exception {
        Api api = new Api(rest);
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "3000.00");
        claim.put("documents", ClaimRequests.ALL_DOCUMENTS);
        long id = require(api.post("clerk", "/api/claims", upload(new ObjectMapper().writeValueAsString(claim),
                List.of("DISCHARGE_SUMMARY", "SETTLEMENT_STATEMENT"),
                List.of(file("出院小结.png", PaperFiles.image("png", 600, 400, 5)), file("结算单.pdf", PaperFiles.pdf(3))))),
                201).body().get("id").asLong();
        List<Long> papers = jdbc.sql("select id from paper where claim_id = :id order by id").param("id", id)
                .query(Long.class).list();
        long png = papers.get(0);
        long pdf = papers.get(1);
        WorkbenchSession agency = WorkbenchSession.signIn(port, "agency");

        // beside the tasks; the strip of thumbnails, and no page: loading the page opens no file
        Document page = agency.get("/claims/" + id).html();
        assertThat(page.select(".workspace.side-by-side > .work #tasks")).hasSize(1);
        Element viewer = page.selectFirst(".workspace.side-by-side > aside#viewer");
        assertThat(viewer).isNotNull();
        assertThat(viewer.select("a[data-viewer=paper]").eachAttr("data-paper"))
                .containsExactly(Long.toString(png), Long.toString(pdf));
        assertThat(viewer.select("a[data-viewer=paper] img").eachAttr("src")).containsExactly(
                "/api/claims/" + id + "/papers/" + png + "/thumbnail", "/api/claims/" + id + "/papers/" + pdf + "/thumbnail");
        assertThat(viewer.select("a[data-viewer=paper]").eachAttr("hx-get")).containsExactly(
                "/claims/" + id + "/viewer?paper=" + png + "&page=1&zoom=100&rotate=0",
                "/claims/" + id + "/viewer?paper=" + pdf + "&page=1&zoom=100&rotate=0");
        assertThat(viewer.select("a[data-viewer=paper]").eachAttr("href")).containsExactly(
                "/claims/" + id + "?paper=" + png + "&page=1&zoom=100&rotate=0#viewer",
                "/claims/" + id + "?paper=" + pdf + "&page=1&zoom=100&rotate=0#viewer");
        assertThat(viewer.select("[data-viewer=page-image], [data-viewer=next-page]")).isEmpty();
        assertThat(page.html()).doesNotContain("/pages/");

        // the viewer alone, as htmx swaps it in: page 2 of the PDF
        WorkbenchSession.Page answer = agency.get("/claims/" + id + "/viewer?paper=" + pdf + "&page=2&zoom=100&rotate=0");
        assertThat(answer.status()).isEqualTo(200);
        Document fragment = answer.html();
        assertThat(fragment.select("main, header.top, nav.menu")).as("no frame around it").isEmpty();
        viewer = fragment.selectFirst("aside#viewer");
        assertThat(viewer.attr("hx-target")).isEqualTo("this");
        assertThat(viewer.attr("hx-swap")).isEqualTo("outerHTML");
        assertThat(viewer.select("[data-viewer=kind]").text()).isEqualTo("医保结算单");
        assertThat(viewer.select("[data-viewer=name]").text()).isEqualTo("结算单.pdf");
        assertThat(viewer.select("[data-viewer=page-number]").text()).isEqualTo("第 2 / 3 页");
        assertThat(viewer.select("a[data-viewer=paper].current").attr("data-paper")).isEqualTo(Long.toString(pdf));
        Element image = viewer.selectFirst("img[data-viewer=page-image]");
        assertThat(image.attr("src")).isEqualTo("/api/claims/" + id + "/papers/" + pdf + "/pages/2?rotate=0");
        assertThat(image.hasAttr("hx-preserve")).isTrue();
        assertThat(image.parent().classNames()).contains("viewer-sheet", "zoom-100");
        String state = "/claims/" + id + "/viewer?paper=" + pdf;
        assertThat(controls(viewer)).containsExactly(
                "zoom-out " + state + "&page=2&zoom=75&rotate=0",
                "zoom-in " + state + "&page=2&zoom=150&rotate=0",
                "fit-width disabled",
                "rotate-left " + state + "&page=2&zoom=100&rotate=270",
                "rotate-right " + state + "&page=2&zoom=100&rotate=90",
                "prev-page " + state + "&page=1&zoom=100&rotate=0",
                "next-page " + state + "&page=3&zoom=100&rotate=0",
                "prev-paper /claims/" + id + "/viewer?paper=" + png + "&page=1&zoom=100&rotate=0",
                "next-paper disabled");
        // without scripts each control is a link to the full page in the same state
        assertThat(viewer.selectFirst("a[data-viewer=next-page]").attr("href"))
                .isEqualTo("/claims/" + id + "?paper=" + pdf + "&page=3&zoom=100&rotate=0#viewer");
        // the address becomes the full page's, without a history entry, and htmx keeps no copy of
        // any page (personal data) in the browser's storage for its history
        assertThat(viewer.selectFirst("a[data-viewer=next-page]").attr("hx-replace-url"))
                .isEqualTo("/claims/" + id + "?paper=" + pdf + "&page=3&zoom=100&rotate=0");
        assertThat(fragment.select("[hx-push-url]")).isEmpty();
        assertThat(page.selectFirst("meta[name=htmx-config]").attr("content")).contains("\"historyCacheSize\":0");

        // the last page, turned and at the largest zoom; a page past the end shows the last
        viewer = agency.get(state + "&page=9&zoom=300&rotate=90").html().selectFirst("aside#viewer");
        assertThat(viewer.select("[data-viewer=page-number]").text()).isEqualTo("第 3 / 3 页");
        assertThat(viewer.selectFirst("img[data-viewer=page-image]").attr("src"))
                .isEqualTo("/api/claims/" + id + "/papers/" + pdf + "/pages/3?rotate=90");
        assertThat(controls(viewer)).contains("zoom-in disabled", "next-page disabled",
                "fit-width " + state + "&page=3&zoom=100&rotate=90", "rotate-right " + state + "&page=3&zoom=300&rotate=180");

        // an image has one page; the first file has no 上一份
        viewer = agency.get("/claims/" + id + "/viewer?paper=" + png + "&page=1&zoom=50&rotate=0").html()
                .selectFirst("aside#viewer");
        assertThat(viewer.select("[data-viewer=page-number]").text()).isEqualTo("第 1 / 1 页");
        assertThat(controls(viewer)).contains("zoom-out disabled", "prev-page disabled", "next-page disabled",
                "prev-paper disabled", "next-paper /claims/" + id + "/viewer?paper=" + pdf + "&page=1&zoom=50&rotate=0");

        // the full page in a state (the links' fallback) shows the viewer so, beside the tasks
        page = agency.get("/claims/" + id + "?paper=" + pdf + "&page=2&zoom=150&rotate=180").html();
        assertThat(page.select("#tasks")).hasSize(1);
        assertThat(page.selectFirst("#viewer img[data-viewer=page-image]").attr("src"))
                .isEqualTo("/api/claims/" + id + "/papers/" + pdf + "/pages/2?rotate=180");
        assertThat(page.selectFirst("#viewer .viewer-sheet").classNames()).contains("zoom-150");

        assertThat(jdbc.sql("select count(*) from audit_event where claim_id = :id and action = 'PAPER_VIEWED'")
                .param("id", id).query(Long.class).single()).as("the viewer's links open nothing themselves").isZero();
        assertThat(WorkbenchSession.signIn(port, "agency-b").get("/claims/" + id + "/viewer").status()).isEqualTo(403);
    }

    @Test
    void aClaimWithoutFilesHasNoViewer() throws Exception {
        Api api = new Api(rest);
        long id = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                .body().get("id").asLong();
        WorkbenchSession agency = WorkbenchSession.signIn(port, "agency");
        Document page = agency.get("/claims/" + id).html();
        assertThat(page.select("#viewer")).isEmpty();
        assertThat(page.select(".workspace:not(.side-by-side) > .work #tasks")).hasSize(1);
        WorkbenchSession.Page alone = agency.get("/claims/" + id + "/viewer");
        assertThat(alone.status()).isEqualTo(200);
        assertThat(alone.html().select("#viewer")).isEmpty();
    }

    /** Each control by its {@code data-viewer} name with where htmx takes it, or {@code disabled}. */
    private static List<String> controls(Element viewer) {
        return viewer.select(".viewer-controls a").stream()
                .map(a -> a.attr("data-viewer") + " " + ("true".equals(a.attr("aria-disabled")) && !a.hasAttr("href")
                        ? "disabled" : a.attr("hx-get")))
                .toList();
    }
}
