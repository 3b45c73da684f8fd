package org.huzhu.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Yuan with two decimals (fen); one rounding, half up, at the end of a calculation. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    public static BigDecimal yuan(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal roundToFen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The amount as people read it: thousands separated, two decimals ({@code -6,827.00}). */
    public static String grouped(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** True when the amount has no more precision than a fen. */
    public static boolean isFenExact(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 2;
    }

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] SECTIONS = {"", "万", "亿", "万亿"};

    /**
     * The amount in capital numerals, as a receipt writes it beside the figures
     * (1,234.56 is 壹仟贰佰叁拾肆元伍角陆分; 100,005.00 is 壹拾万零伍元整).
     */
    public static String inWords(BigDecimal amount) {
        long fen = roundToFen(amount).movePointRight(2).longValueExact();
        if (fen < 0) {
            throw new IllegalArgumentException("no capital numerals for a negative amount: " + amount);
        }
        long whole = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder words = new StringBuilder();
        if (whole > 0) {
            words.append(wholeYuan(whole)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return whole == 0 ? "零元整" : words.append('整').toString();
        }
        if (jiao > 0) {
            words.append(DIGITS.charAt(jiao)).append('角');
        } else if (whole > 0) {
            words.append('零');
        }
        return cents > 0 ? words.append(DIGITS.charAt(cents)).append('分').toString() : words.append('整').toString();
    }

    /** Sections of four digits (万, 亿); a zero between sections, or before a section under a thousand, is said once. */
    private static String wholeYuan(long yuan) {
        int[] sections = new int[SECTIONS.length];
        for (int i = 0; i < sections.length; i++, yuan /= 10_000) {
            sections[i] = (int) (yuan % 10_000);
        }
        StringBuilder words = new StringBuilder();
        boolean gap = false;
        for (int i = sections.length - 1; i >= 0; i--) {
            if (sections[i] == 0) {
                gap = words.length() > 0;
                continue;
            }
            if (words.length() > 0 && (gap || sections[i] < 1000)) {
                words.append('零');
            }
            words.append(section(sections[i])).append(SECTIONS[i]);
            gap = false;
        }
        return words.toString();
    }

    private static String section(int digits) {
        StringBuilder words = new StringBuilder();
        boolean zero = false;
        for (int place = 3; place >= 0; place--) {
            int digit = digits / (int) Math.pow(10, place) % 10;
            if (digit == 0) {
                zero = words.length() > 0;
            } else {
                if (zero) {
                    words.append('零');
                    zero = false;
                }
                words.append(DIGITS.charAt(digit)).append(PLACES[place]);
            }
        }
        return words.toString();
    }
}
