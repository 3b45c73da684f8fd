package org.huzhu.papers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the QR code printed on an invoice says, read by a layout we know ({@link InvoiceQrLayouts}).
 *
 * @param layout      the layout that read it, e.g. {@code VAT}
 * @param kind        the invoice's kind in words, e.g. 增值税电子普通发票
 * @param code        the invoice code (发票代码); empty for fully digital invoices, which have none
 * @param number      the invoice number (发票号码)
 * @param amount      the amount the code states (for VAT invoices: before tax), in yuan
 * @param issuedOn    the day it was issued
 * @param checkCode   its check code (校验码), when it has one
 */
public record InvoiceQr(String layout, String kind, String code, String number, BigDecimal amount, LocalDate issuedOn,
                        String checkCode) {
}
