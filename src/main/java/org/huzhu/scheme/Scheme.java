package org.huzhu.scheme;

/** A mutual-aid scheme a union runs, such as in-patient aid or the women's scheme 馨康. */
public record Scheme(String code, String name, BenefitKind benefitKind) {
}
