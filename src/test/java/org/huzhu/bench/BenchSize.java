package org.huzhu.bench;

/**
 * How much a run does. {@code full} is the issues' scale (100,000 open, 1,000,000 closed, a
 * province's 200,000 members in units of about a hundred); {@code small} is the quick look and the
 * CI smoke run. {@code membersPerAgency} are the API's lifecycle claimants, {@code bulkMembers}
 * the members the bulk's claims and the statistics count.
 */
record BenchSize(String name, int claimsPerLevel, int openClaims, int closedClaims, int agencies,
                 int membersPerAgency, int bulkMembers, int samples, int quoteSeconds) {

    static BenchSize of(String name) {
        return switch (name) {
            case "small" -> new BenchSize(name, 6, 2_000, 20_000, 4, 3, 2_000, 20, 2);
            case "medium" -> new BenchSize(name, 100, 20_000, 200_000, 10, 10, 20_000, 100, 5);
            case "full" -> new BenchSize(name, 200, 100_000, 1_000_000, 20, 10, 200_000, 200, 10);
            default -> throw new IllegalArgumentException("bench.size is small, medium or full, not " + name);
        };
    }
}
