package org.huzhu.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/** Scenario 3: one caller at a time, so each figure is the request's own time over HTTP. */
final class Latencies {

    static final List<String> SLA_VIEWS = List.of("/api/sla/overview", "/api/sla/claims?state=BREACHED&limit=100",
            "/api/sla/claims?state=AT_RISK&limit=100", "/api/sla/open-claims", "/api/sla/compliance/agencies",
            "/api/sla/compliance/months");
    /**
     * The statistics' views of a scheme year: the last whole year, which the bulk's closed claims
     * (five years back) fill; the headline figures of all agencies read the most rows, and over
     * three years the most enrolments.
     */
    static List<String> statisticsViews(int year) {
        String q = "?scheme=INPATIENT&year=" + year;
        return List.of("/api/statistics/summary" + q,
                "/api/statistics/summary?scheme=INPATIENT&from=" + (year - 2) + "-01&to=" + year + "-12", "/api/statistics/agencies" + q, "/api/statistics/units" + q,
                "/api/statistics/months" + q,
                "/api/statistics/rejections" + q, "/api/statistics/diagnosis-groups" + q,
                "/api/statistics/large-payouts" + q + "&large=5000.00");
    }

    /**
     * The claims list (申请查询) as the league pages it: newest first, the second page, by status,
     * and by a name's start that finds nobody (without the name index every claim would be read).
     */
    static final List<String> CLAIMS_LIST = List.of("/api/claims", "/api/claims?page=1", "/api/claims?status=REJECTED",
            "/api/claims?who=%E5%BC%A0%E4%B8%89");

    private static final int WARM_UP = 5;

    /** Milliseconds of each of the samples, after a few untimed calls. */
    static double[] time(int samples, IntConsumer call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.accept(i);
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.accept(WARM_UP + i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    static double percentile(double[] millis, double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double[] concat(List<double[]> parts) {
        List<Double> all = new ArrayList<>();
        parts.forEach(part -> Arrays.stream(part).forEach(all::add));
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Latencies() {
    }
}
