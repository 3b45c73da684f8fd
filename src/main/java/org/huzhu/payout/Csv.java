package org.huzhu.payout;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Comma-separated lines as RFC 4180 writes them: a field with a comma, quote or line break is quoted. */
final class Csv {

    private Csv() {
    }

    static String line(Object... fields) {
        return java.util.Arrays.stream(fields).map(f -> f == null ? "" : f.toString()).map(Csv::quote)
                .collect(Collectors.joining(",")) + "\n";
    }

    static List<String> fields(String line) {
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
