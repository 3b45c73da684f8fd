package org.huzhu.papers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.huzhu.support.PaperFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice QR codes as a clerk's scan or photo holds them: the test draws each code from the
 * documented layout onto a page, the scanner finds it, and the layout reads it or says it
 * does not know it.
 */
class InvoiceQrTest {

    @Test
    void anElectronicOrdinaryVatInvoiceIsReadFromAScannedPage() {
        String text = "01,10,044001900111,80100798,1264.90,20261118,85342965681116380258,A1B2,";
        BufferedImage page = PaperFiles.qrPage(1240, 1754, text, 80, 80, 6);

        assertThat(InvoiceQrScanner.scan(page)).containsExactly(text);
        assertThat(InvoiceQrLayouts.read(text)).contains(new InvoiceQr("VAT", "增值税电子普通发票", "044001900111", "80100798",
                new BigDecimal("1264.90"), LocalDate.of(2026, 11, 18), "85342965681116380258"));
    }

    @Test
    void aSpecialInvoiceHasNoCheckCodeAndAFullyDigitalOneNoInvoiceCode() {
        assertThat(InvoiceQrLayouts.read("01,01,1200154130,03630024,94339.62,20260621,,9335,"))
                .hasValueSatisfying(invoice -> {
                    assertThat(invoice.kind()).isEqualTo("增值税专用发票");
                    assertThat(invoice.checkCode()).isNull();
                    assertThat(invoice.amount()).isEqualByComparingTo("94339.62");
                });
        assertThat(InvoiceQrLayouts.read("01,32,,26442000000012345678,88.5,20261201,,C0DE,"))
                .hasValueSatisfying(invoice -> {
                    assertThat(invoice.kind()).isEqualTo("电子发票（普通发票）");
                    assertThat(invoice.code()).isEmpty();
                    assertThat(invoice.number()).isEqualTo("26442000000012345678");
                    assertThat(invoice.amount()).isEqualTo(new BigDecimal("88.50"));
                });
    }

    @Test
    void aTextNoLayoutKnowsIsNotGuessedAt() {
        String fiscalBill = "https://pjcy.example.gov.cn/check?code=44010125&no=0012345678&chk=ab12cd";
        BufferedImage photo = PaperFiles.qrPage(3000, 4000, fiscalBill, 1900, 300, 12);

        assertThat(InvoiceQrScanner.scan(photo)).containsExactly(fiscalBill);
        assertThat(InvoiceQrLayouts.read(fiscalBill)).isEmpty();
        // the VAT layout's shape with a field out of place is not read either
        assertThat(InvoiceQrLayouts.read("01,10,044001900111,80100798,1264.90,20261318,85342965681116380258,A1B2,")).isEmpty();
        assertThat(InvoiceQrLayouts.read("01,10,0440019001,801007,1264.90,20261118,85342965681116380258,A1B2,")).isEmpty();
        assertThat(InvoiceQrLayouts.read("01,99,044001900111,80100798,1264.90,20261118,85342965681116380258,A1B2,")).isEmpty();
        assertThat(InvoiceQrLayouts.read("01,10,044001900111,80100798,12.649,20261118,85342965681116380258,A1B2,")).isEmpty();
        assertThat(InvoiceQrLayouts.read(" ")).isEmpty();
    }

    @Test
    void aPageWithoutACodeHasNone() {
        BufferedImage blank = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = blank.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 800, 600);
        graphics.setColor(Color.BLACK);
        graphics.drawString("出院小结", 100, 100);
        graphics.dispose();
        assertThat(InvoiceQrScanner.scan(blank)).isEmpty();
    }
}
