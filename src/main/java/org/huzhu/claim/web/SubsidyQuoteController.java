package org.huzhu.claim.web;

import org.huzhu.claim.QuoteRequest;
import org.huzhu.claim.SubsidyQuote;
import org.huzhu.claim.SubsidyQuotes;
import org.huzhu.security.Staff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SubsidyQuoteController {

    private final SubsidyQuotes quotes;

    SubsidyQuoteController(SubsidyQuotes quotes) {
        this.quotes = quotes;
    }

    /** Answers what a claim would be paid; stores nothing. */
    @PostMapping("/api/subsidy/quote")
    SubsidyQuote quote(@RequestBody QuoteRequest request, @AuthenticationPrincipal Staff staff) {
        return quotes.quote(request, staff);
    }
}
