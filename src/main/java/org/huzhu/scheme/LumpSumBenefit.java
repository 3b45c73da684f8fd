package org.huzhu.scheme;

import java.util.List;
import java.util.Optional;

/**
 * A fixed amount on a first diagnosis of a listed disease (馨康, major illness). Each group is
 * paid once per member unless {@code paidOncePerGroup} is false; groups never share a code.
 */
public record LumpSumBenefit(List<DiagnosisGroup> groups, Boolean paidOncePerGroup) {

    public LumpSumBenefit {
        groups = groups == null ? null : List.copyOf(groups);
        paidOncePerGroup = paidOncePerGroup == null || paidOncePerGroup;
    }

    public Optional<DiagnosisGroup> groupOf(String diagnosisCode) {
        if (diagnosisCode == null || !Icd10.isCode(diagnosisCode)) {
            return Optional.empty();
        }
        return groups.stream().filter(group -> group.covers(diagnosisCode)).findFirst();
    }
}
