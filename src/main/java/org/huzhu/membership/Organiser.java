package org.huzhu.membership;

/** An organiser (主办单位): the league or association whose rules, agencies and fund a scheme runs on. */
public record Organiser(long id, String code, String name) {
}
