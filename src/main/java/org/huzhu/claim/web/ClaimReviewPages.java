package org.huzhu.claim.web;

import java.util.List;

import org.huzhu.claim.ClaimPapers;
import org.huzhu.claim.ClaimReviews;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The claim page's 申请复核 form: a clerk asks for the review of a rejection for the member, with
 * the reason and new papers as files. Answers with the claim page again: a notice when done, the
 * problems at their fields with the reason typed (files must be chosen again), or a warning when
 * the review may not be asked for (window closed, already reviewed).
 */
@WorkbenchController
class ClaimReviewPages {

    private final ClaimReviews reviews;

    ClaimReviewPages(ClaimReviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/claims/{id}/reviews")
    String request(@PathVariable long id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String kind,
                   @RequestParam(name = "file", required = false) List<MultipartFile> files,
                   @AuthenticationPrincipal Staff staff, RedirectAttributes flash) {
        List<ClaimPapers.SentFile> sent = FormUploads.chosen(files);
        try {
            reviews.requestAtCounter(id, reason, kind, sent, staff);
            flash.addFlashAttribute("notice", "已提交复核申请" + (sent.isEmpty() ? "" : "及" + sent.size() + "个新材料文件")
                    + "，等待协会复核。");
            return "redirect:/claims/" + id;
        } catch (InvalidInputException invalid) {
            FieldErrors errors = FieldErrors.none();
            invalid.problems().stream().filter(p -> p.field().equals("reason"))
                    .forEach(p -> errors.add("reason", p.message()));
            FieldErrors aboutFiles = FormUploads.errors(invalid.problems().stream()
                    .filter(p -> !p.field().equals("reason")).toList(), sent, "kind", "file");
            aboutFiles.fields().forEach(field -> errors.add(field, aboutFiles.of(field)));
            flash.addFlashAttribute(ClaimReviewSection.ERRORS, errors);
            flash.addFlashAttribute(ClaimReviewSection.REASON, reason);
            return "redirect:/claims/" + id + "#review";
        } catch (DomainException refused) {
            if (refused.status() != HttpStatus.CONFLICT) {
                throw refused;
            }
            flash.addFlashAttribute("warning", refused.getMessage());
            return "redirect:/claims/" + id + "#review";
        }
    }
}
