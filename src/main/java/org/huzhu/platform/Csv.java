package org.huzhu.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Comma-separated lines as RFC 4180 writes them: a field with a comma, quote or line break is
 * quoted. The bank's files keep the bank's layout ({@link #line}); files people open in a
 * spreadsheet ({@link #sheetLine}) never start a text cell with what Excel takes for a formula.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private Csv() {
    }

    public static String line(Object... fields) {
        return java.util.Arrays.stream(fields).map(f -> f == null ? "" : f.toString()).map(Csv::quote)
                .collect(Collectors.joining(",")) + "\n";
    }

    /** A line for a spreadsheet: a text cell starting with = + - @ or a tab is prefixed with ' (shown as text). */
    public static String sheetLine(Object... fields) {
        return java.util.Arrays.stream(fields).map(f -> f == null ? "" : f.toString()).map(Csv::inert).map(Csv::quote)
                .collect(Collectors.joining(",")) + "\n";
    }

    private static String inert(String field) {
        boolean formulaLike = !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0;
        return formulaLike && !NUMBER.matcher(field).matches() ? "'" + field : field;
    }

    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String quote(String field) {
        return field.matches("(?s).*[\",\\r\\n].*") ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
