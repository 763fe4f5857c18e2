package io.aio4j.bench.compare;

import io.aio4j.bench.run.LatencyStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SVG of latency distributions: one panel per mode (cached, direct) side by side, one curve
 * per engine, latency (log scale) against percentile on a "nines" scale (0, 90, 99, 99.9, 99.99),
 * the usual way to show tails.
 */
final class SvgPlot {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
    private static final int PANEL_W = 460;
    private static final int PANEL_H = 340;
    private static final int MARGIN = 60;
    private static final double MAX_NINES = 4; // 99.99

    private SvgPlot() {
    }

    static String render(List<DefaultComparison.Row> rows) {
        Map<String, List<DefaultComparison.Row>> panels = new LinkedHashMap<>();
        for (DefaultComparison.Row r : rows) {
            panels.computeIfAbsent(r.mode(), m -> new ArrayList<>()).add(r);
        }
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (DefaultComparison.Row r : rows) {
            LatencyStats s = lat(r);
            lo = Math.min(lo, Math.max(1, s.percentile(0)) / 1e3);
            hi = Math.max(hi, Math.max(1, s.percentile(99.99)) / 1e3);
        }
        double yLo = Math.floor(Math.log10(Math.max(lo, 0.01)));
        double yHi = Math.ceil(Math.log10(Math.max(hi, lo * 10)));
        int width = Math.max(1, panels.size()) * (PANEL_W + MARGIN) + MARGIN;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, PANEL_H + 2 * MARGIN));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        int px = MARGIN;
        for (Map.Entry<String, List<DefaultComparison.Row>> p : panels.entrySet()) {
            panel(b, px, MARGIN, p.getKey(), p.getValue(), yLo, yHi);
            px += PANEL_W + MARGIN;
        }
        return b.append("</svg>\n").toString();
    }

    private static LatencyStats lat(DefaultComparison.Row r) {
        return r.result().read.ios() >= r.result().write.ios() ? r.result().read.lat : r.result().write.lat;
    }

    private static void panel(StringBuilder b, int x0, int y0, String title, List<DefaultComparison.Row> rows,
            double yLo, double yHi) {
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\">%s: latency (us, log) by percentile</text>%n",
                x0, y0 - 20, title));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                x0, y0, PANEL_W, PANEL_H));
        String[] xLabels = {"0", "90", "99", "99.9", "99.99"};
        for (int i = 0; i <= MAX_NINES; i++) {
            double x = x0 + PANEL_W * i / MAX_NINES;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n", x, y0, x, y0 + PANEL_H));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, y0 + PANEL_H + 16, xLabels[i]));
        }
        for (double e = yLo; e <= yHi; e++) {
            double y = y0 + PANEL_H - PANEL_H * (e - yLo) / (yHi - yLo);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n", x0, y, x0 + PANEL_W, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x0 - 4, y + 4,
                    e >= 0 ? String.valueOf((long) Math.pow(10, e)) : String.valueOf(Math.pow(10, e))));
        }
        for (int k = 0; k < rows.size(); k++) {
            LatencyStats s = lat(rows.get(k));
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i <= 200; i++) {
                double nines = MAX_NINES * i / 200;
                double pct = 100 * (1 - Math.pow(10, -nines));
                double us = Math.max(Math.pow(10, yLo), s.percentile(pct) / 1e3);
                double x = x0 + PANEL_W * nines / MAX_NINES;
                double y = y0 + PANEL_H - PANEL_H * (Math.log10(us) - yLo) / (yHi - yLo);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String color = COLORS[k % COLORS.length];
            b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", color, pts.toString().trim()));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", x0 + 8, y0 + 16 + 14 * k, color,
                    rows.get(k).engine()));
        }
    }
}
