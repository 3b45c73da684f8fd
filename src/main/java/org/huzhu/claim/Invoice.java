package org.huzhu.claim;

/** A medical e-invoice; code and number together identify it. */
public record Invoice(String code, String number) {
}
