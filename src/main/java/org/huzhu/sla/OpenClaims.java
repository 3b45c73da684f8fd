package org.huzhu.sla;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Open claims (clock running) of one agency in one stage, or of all when both are null.
 *
 * @param overBudget claims that have overrun the budget of the stage they are in
 */
public record OpenClaims(String agencyCode, String agencyName, SlaStage stage, long open, long atRisk, long breached,
                         long overBudget) {

    @JsonProperty
    public long onTrack() {
        return open - atRisk - breached;
    }

    @JsonProperty
    public String stageLabel() {
        return stage == null ? null : stage.label();
    }
}
