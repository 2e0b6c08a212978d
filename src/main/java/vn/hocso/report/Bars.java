package vn.hocso.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Charts drawn on the server as SVG: geometry computed here, markup in the templates. No script, so they show on the
 * slowest phone, print, and pass a content security policy without exceptions; the numbers are also in the table
 * beside them for screen readers.
 */
final class Bars {

    /** A horizontal bar with its label above it (one per unit: fits a 360 px screen). */
    record Bar(String label, String value, int labelY, int barY, int width) {}

    /** A column (one per month) with its label below and its value above. */
    record Column(String label, String value, int x, int y, int height, int labelX) {}

    record Horizontal(int width, int height, int barHeight, List<Bar> bars) {}

    record Columns(int width, int height, int baseline, int columnWidth, List<Column> columns) {}

    /** One labelled value of a chart; {@code fraction} in 0..1 of the longest possible bar. */
    record Item(String label, String value, double fraction) {}

    static final int WIDTH = 360;
    static final int ROW = 34;
    static final int BAR = 12;

    private Bars() {}

    static Horizontal horizontal(List<Item> items) {
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Item item : items) {
            int w = (int) Math.round(Math.max(0, Math.min(1, item.fraction())) * (WIDTH - 60));
            bars.add(new Bar(item.label(), item.value(), y + 13, y + 18, Math.max(w, 1)));
            y += ROW;
        }
        return new Horizontal(WIDTH, Math.max(y, ROW), BAR, bars);
    }

    static Columns columns(List<Item> items) {
        int height = 180;
        int baseline = 150;
        int top = 20;
        int n = Math.max(items.size(), 1);
        int slot = WIDTH / n;
        int columnWidth = Math.max(slot - 6, 2);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int h = (int) Math.round(Math.max(0, Math.min(1, item.fraction())) * (baseline - top));
            int x = i * slot + 3;
            columns.add(new Column(item.label(), item.value(), x, baseline - h, h, x + columnWidth / 2));
        }
        return new Columns(WIDTH, height, baseline, columnWidth, columns);
    }
}
