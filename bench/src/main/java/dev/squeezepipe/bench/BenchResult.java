package dev.squeezepipe.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A benchmark's figures: printed one per line, then as one JSON object on the last line. */
public final class BenchResult {

    private final Map<String, Object> figures = new LinkedHashMap<>();

    public BenchResult put(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    /** The figure named {@code name}, or null. */
    public Object get(String name) {
        return figures.get(name);
    }

    /** Prints each figure, then the JSON line scripts read. */
    public void print() {
        figures.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                list.forEach(item -> System.out.printf(Locale.ROOT, "%-24s %s%n", name, item));
            } else {
                System.out.printf(Locale.ROOT, "%-24s %s%n", name, format(value));
            }
        });
        System.out.println(toJson());
    }

    public String toJson() {
        return figures.entrySet().stream()
                .map(e -> json(e.getKey()) + ":" + json(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
    }

    private static String json(Object value) {
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BenchResult::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> json(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        StringBuilder text = new StringBuilder("\"");
        for (char c : String.valueOf(value).toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                default -> text.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return text.append('"').toString();
    }
}
