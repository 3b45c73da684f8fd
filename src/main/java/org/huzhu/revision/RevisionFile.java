package org.huzhu.revision;

/** One uploaded file of a revision: a BPMN process, a DMN decision or a Camunda form. */
public record RevisionFile(String filename, byte[] content) {

    boolean isBpmn() {
        return filename.endsWith(".bpmn");
    }

    boolean isDmn() {
        return filename.endsWith(".dmn");
    }

    boolean isForm() {
        return filename.endsWith(".form");
    }

    /** The resource name in a deployment, as the shipped files have it. */
    String resourceName() {
        return (isForm() ? "forms/" : "processes/") + filename;
    }
}
