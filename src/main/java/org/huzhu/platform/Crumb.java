package org.huzhu.platform;

/** One step of a page's breadcrumbs; the last, the page itself, has no link. */
public record Crumb(String label, String href) {

    public static Crumb here(String label) {
        return new Crumb(label, null);
    }
}
