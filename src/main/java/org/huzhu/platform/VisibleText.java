package org.huzhu.platform;

/**
 * Text as a person types it. Control characters, bidirectional overrides, zero-width
 * characters and byte-order marks are never meant: they hide or reorder what others read
 * (a name that shows as one thing and sorts, searches or prints as another), and PostgreSQL
 * refuses NUL outright. Line breaks and tabs are kept for free text.
 */
public final class VisibleText {

    public static final String CODE = "INVISIBLE_CHARACTERS";
    public static final String MESSAGE = "含有控制字符或不可见字符（如零宽字符、方向控制符），请删除后重新输入";

    private VisibleText() {
    }

    /** Whether the text holds nothing but characters a person can see, spaces, tabs and line breaks. */
    public static boolean isClean(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || !allowed(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        return !(c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || (c >= '\u200b' && c <= '\u200d') || c == '\u2060' || c == '\ufeff'
                || c == '\ufffe' || c == '\uffff');
    }
}
