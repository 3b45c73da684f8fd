package org.huzhu.papers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The invoice QR layouts we know, each a small parser of the decoded text. A text no layout
 * knows is shown to the clerk as it is: we never guess at it. Medical fiscal e-bills
 * (财政电子票据) print QR contents that differ by province and have no public specification
 * we could find, so none is known yet (docs/papers.md).
 */
public final class InvoiceQrLayouts {

    private static final List<Function<String, Optional<InvoiceQr>>> KNOWN = List.of(InvoiceQrLayouts::vat);

    private InvoiceQrLayouts() {
    }

    /** The invoice the text describes, read by the first layout that knows it; empty when none does. */
    public static Optional<InvoiceQr> read(String decoded) {
        if (decoded == null || decoded.isBlank()) {
            return Optional.empty();
        }
        return KNOWN.stream().map(layout -> layout.apply(decoded.strip())).flatMap(Optional::stream).findFirst();
    }

    /** The kinds a VAT invoice's code names, by the second field of its QR text. */
    private static final Map<String, String> VAT_KINDS = Map.of(
            "01", "增值税专用发票",
            "04", "增值税普通发票",
            "08", "增值税电子专用发票",
            "10", "增值税电子普通发票",
            "11", "增值税普通发票（卷式）",
            "14", "增值税电子普通发票（通行费）",
            "31", "电子发票（增值税专用发票）",
            "32", "电子发票（普通发票）");
    /** Fully digital invoices (数电票): no invoice code, a 20-digit number. */
    private static final List<String> FULLY_DIGITAL = List.of("31", "32");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /**
     * China's VAT invoices: comma-separated fields, {@code 01,<kind>,<code>,<number>,<amount
     * before tax>,<yyyyMMdd>,<check code>,<a short check value>,}. Ordinary and electronic
     * invoices carry a 20-digit check code; special invoices leave it empty.
     */
    static Optional<InvoiceQr> vat(String text) {
        String[] fields = text.split(",", -1);
        if (fields.length < 7 || !"01".equals(fields[0]) || !VAT_KINDS.containsKey(fields[1])) {
            return Optional.empty();
        }
        boolean digital = FULLY_DIGITAL.contains(fields[1]);
        String code = fields[2];
        String number = fields[3];
        boolean codeFits = digital ? code.isEmpty() : code.matches("\\d{10}|\\d{12}");
        boolean numberFits = digital ? number.matches("\\d{20}") : number.matches("\\d{8}");
        String check = fields[6];
        if (!codeFits || !numberFits || !(check.isEmpty() || check.matches("\\d{20}"))) {
            return Optional.empty();
        }
        BigDecimal amount;
        LocalDate issued;
        try {
            amount = new BigDecimal(fields[4]);
            issued = LocalDate.parse(fields[5], DAY);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
        if (amount.signum() < 0 || amount.scale() > 2) {
            return Optional.empty();
        }
        return Optional.of(new InvoiceQr("VAT", VAT_KINDS.get(fields[1]), code, number, amount.setScale(2), issued,
                check.isEmpty() ? null : check));
    }
}
