package org.huzhu.claim;

import java.util.Map;
import java.util.Optional;

import org.huzhu.security.Staff;

/**
 * A part of the workbench's claim page ({@code /claims/{id}}) that a module above {@code claim}
 * adds, as {@code platform}'s home figures are added: the claim page is served here, where the
 * claim is, and the modules that depend on {@code claim} (the auditors' tasks in {@code inbox},
 * the audit trail in {@code reporting}) show their part of it without {@code claim} knowing them.
 * The page has already checked that the person may read the claim.
 */
public interface ClaimPageSection {

    /** Where on the page a section goes; the page's own parts (figures, subsidy, papers, approvals, deadline, payments) come first. */
    enum Place {
        /** After the approval path: what people do on the claim now. */
        WORK,
        /** The end of the page: what happened to the claim. */
        TRAIL
    }

    Place place();

    /**
     * The section for this person, or empty when there is nothing in it for them.
     *
     * @param carried what the page's last form action left for it (Spring's flash attributes): field errors, what was typed
     */
    Optional<Section> sectionFor(Claim claim, Staff staff, Map<String, ?> carried);

    /**
     * A section to show: a Thymeleaf template of the contributing module whose fragment
     * {@code section(part)} is filled with {@code content}.
     */
    record Section(String template, Object content) {
    }
}
