package org.huzhu.membership;

/** An agency point (代办点): receives members' papers and does the agency check. */
public record Agency(long id, String code, String name, long organiserId, String organiserCode) {
}
