package org.huzhu.claim.web;

import java.util.List;

/**
 * The claim page's viewer of the claim's files (docs/papers.md, "In the workbench"): which file,
 * page, zoom and turn it shows, as its links carry them, and the link of each control; a control
 * that cannot act now (上一页 on the first page) has none. Nothing is chosen until the person
 * picks a file, so that loading the page records no read of a file.
 *
 * @param zoom   the page's width in percent of the viewer's ({@link #ZOOMS}; 100 fits the width)
 * @param rotate degrees clockwise, a quarter at a time; the server turns the picture itself
 */
record PaperViewer(long claimId, List<ClaimPage.PaperFile> files, ClaimPage.PaperFile paper, int page, int zoom,
                   int rotate) {

    /** The zoom steps, each a class of the stylesheet (no inline style: the pages' policy forbids it). */
    static final List<Integer> ZOOMS = List.of(50, 75, 100, 150, 200, 300);
    static final int FIT_WIDTH = 100;

    /** A control's target: the full page (without scripts) and the viewer alone (htmx swaps it in). */
    record Link(String page, String fragment) {
    }

    /** The state asked for, made one the viewer can show: an unknown file shows none, numbers out of range the nearest. */
    static PaperViewer of(long claimId, List<ClaimPage.PaperFile> files, ClaimPage.Viewing asked) {
        ClaimPage.PaperFile chosen = asked.paper() == null ? null
                : files.stream().filter(file -> file.id() == asked.paper()).findFirst().orElse(null);
        int pages = chosen == null ? 1 : chosen.pageCount();
        int rotate = asked.rotate();
        return new PaperViewer(claimId, files, chosen, Math.max(1, Math.min(asked.page(), pages)),
                ZOOMS.contains(asked.zoom()) ? asked.zoom() : FIT_WIDTH, rotate % 90 == 0 ? Math.floorMod(rotate, 360) : 0);
    }

    public boolean chosen() {
        return paper != null;
    }

    public int pages() {
        return paper.pageCount();
    }

    /** The picture of the page shown, from the papers API: each one loaded is a recorded read. */
    public String image() {
        return "/api/claims/" + claimId + "/papers/" + paper.id() + "/pages/" + page + "?rotate=" + rotate;
    }

    /** Names the picture by what it shows: htmx keeps the loaded one (hx-preserve) while only the zoom changes. */
    public String imageId() {
        return "viewer-page-" + paper.id() + "-" + page + "-" + rotate;
    }

    public String zoomClass() {
        return "zoom-" + zoom;
    }

    /** Opens the file at its first page, upright. */
    public Link pick(ClaimPage.PaperFile file) {
        return link(file.id(), 1, zoom, 0);
    }

    public boolean isShown(ClaimPage.PaperFile file) {
        return paper != null && paper.id() == file.id();
    }

    public Link zoomIn() {
        int step = ZOOMS.indexOf(zoom);
        return step == ZOOMS.size() - 1 ? null : link(paper.id(), page, ZOOMS.get(step + 1), rotate);
    }

    public Link zoomOut() {
        int step = ZOOMS.indexOf(zoom);
        return step == 0 ? null : link(paper.id(), page, ZOOMS.get(step - 1), rotate);
    }

    public Link fitWidth() {
        return zoom == FIT_WIDTH ? null : link(paper.id(), page, FIT_WIDTH, rotate);
    }

    public Link rotateLeft() {
        return link(paper.id(), page, zoom, Math.floorMod(rotate - 90, 360));
    }

    public Link rotateRight() {
        return link(paper.id(), page, zoom, (rotate + 90) % 360);
    }

    public Link previousPage() {
        return page == 1 ? null : link(paper.id(), page - 1, zoom, rotate);
    }

    public Link nextPage() {
        return page == pages() ? null : link(paper.id(), page + 1, zoom, rotate);
    }

    public Link previousPaper() {
        int at = files.indexOf(paper);
        return at == 0 ? null : pick(files.get(at - 1));
    }

    public Link nextPaper() {
        int at = files.indexOf(paper);
        return at == files.size() - 1 ? null : pick(files.get(at + 1));
    }

    private Link link(long paperId, int toPage, int toZoom, int toRotate) {
        String state = "paper=" + paperId + "&page=" + toPage + "&zoom=" + toZoom + "&rotate=" + toRotate;
        return new Link("/claims/" + claimId + "?" + state, "/claims/" + claimId + "/viewer?" + state);
    }
}
