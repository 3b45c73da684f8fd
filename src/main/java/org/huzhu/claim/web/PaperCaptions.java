package org.huzhu.claim.web;

import java.util.Optional;

import org.huzhu.papers.InvoiceQr;
import org.huzhu.papers.Paper;
import org.huzhu.platform.Money;

/** How a stored file is described under its picture or in a list: its size, what its QR code says. */
final class PaperCaptions {

    private PaperCaptions() {
    }

    /** What the file's QR code says, or null when it has none; an unknown layout is shown as decoded, for a person to read. */
    static String qr(Paper paper) {
        if (paper.qrText() == null) {
            return null;
        }
        Optional<InvoiceQr> read = paper.invoiceQr();
        if (read.isEmpty()) {
            return "二维码（格式未知，请人工核对）：" + paper.qrText();
        }
        InvoiceQr invoice = read.get();
        return "二维码：" + invoice.kind() + (invoice.code().isEmpty() ? "" : " 代码" + invoice.code()) + " 号码"
                + invoice.number() + "，" + Money.grouped(invoice.amount()) + "元，" + invoice.issuedOn();
    }

    static String size(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    static String type(Paper paper) {
        return (paper.type().isImage() ? "图片" : "PDF") + (paper.pages() != null ? " · " + paper.pages() + "页" : "");
    }
}
