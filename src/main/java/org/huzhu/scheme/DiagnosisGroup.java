package org.huzhu.scheme;

import java.math.BigDecimal;
import java.util.List;

/**
 * Diseases a lump-sum benefit pays one amount for, named by ICD-10 code prefixes (C50 covers
 * C50.0 to C50.9). The code stays the same across versions: it is how a member's earlier
 * payment for the group is found.
 *
 * @param documents papers a claim in this group needs besides the rule set's, e.g. a pathology report for cancers
 */
public record DiagnosisGroup(String code, String name, List<String> icd10Prefixes, BigDecimal amount,
                             List<DocumentKind> documents) {

    public DiagnosisGroup {
        icd10Prefixes = icd10Prefixes == null ? null : List.copyOf(icd10Prefixes);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public boolean covers(String diagnosisCode) {
        String code = Icd10.normalised(diagnosisCode);
        return icd10Prefixes.stream().anyMatch(prefix -> code.startsWith(Icd10.normalised(prefix)));
    }
}
