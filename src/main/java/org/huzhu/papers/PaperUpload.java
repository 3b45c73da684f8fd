package org.huzhu.papers;

import org.huzhu.scheme.DocumentKind;

/**
 * A file as it arrived for a paper of a claim, before it is checked.
 *
 * @param field        where the request carried it (e.g. {@code file[0]}), for the problems
 * @param originalName the name the sender's device gave it: shown, never used as a path
 */
public record PaperUpload(String field, DocumentKind kind, String originalName, byte[] bytes) {
}
