package org.huzhu.membership;

/** A member unit (基层单位): the employer that enrols its staff through one agency. */
public record Unit(long id, String code, String name, String agencyCode) {
}
