/**
 * The files of a claim's papers: the paper store (on disk or in an S3-compatible object store,
 * content-addressed by SHA-256), what an uploaded file must be (JPEG, PNG or PDF by its bytes,
 * within the limits), its metadata and thumbnails. Owns the table {@code paper}; knows a claim
 * only by its id: who may upload or read is the claim's to say ({@code claim}'s
 * {@code ClaimPapers}). docs/papers.md.
 */
package org.huzhu.papers;
