package org.huzhu.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.huzhu.papers.InvoiceQr;
import org.huzhu.papers.Paper;

/** A medical e-invoice; code and number together identify it. */
public record Invoice(String code, String number) {

    /** Whether the QR code names this invoice: by its number and, unless it is fully digital (数电票, no code), its code. */
    public boolean namedBy(InvoiceQr qr) {
        return qr.number().equals(number) && (qr.code().isEmpty() || qr.code().equals(code));
    }

    /**
     * The typed invoices and then those the QR codes on the invoices' files name that none of
     * them is: what the duplicate-invoice check holds, so that a typing slip does not hide an
     * invoice claimed before.
     */
    static List<Invoice> typedAndRead(List<Invoice> typed, List<Paper> files) {
        List<Invoice> all = new ArrayList<>(typed);
        files.stream().map(Paper::invoiceQr).flatMap(Optional::stream)
                .filter(qr -> all.stream().noneMatch(invoice -> invoice.namedBy(qr)))
                .forEach(qr -> all.add(new Invoice(qr.code(), qr.number())));
        return all;
    }

    /** As people read it: code-number, or the number alone for a fully digital invoice. */
    public String label() {
        return code.isEmpty() ? number : code + "-" + number;
    }
}
