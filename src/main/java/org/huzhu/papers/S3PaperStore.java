package org.huzhu.papers;

import java.util.Optional;
import java.util.stream.Stream;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Papers as objects in an S3-compatible store, at {@code <prefix><sha256>}. An object store
 * shows an object only once it is written whole, so a broken upload leaves nothing under the key.
 */
final class S3PaperStore implements PaperStore {

    /** The most keys ListObjectsV2 answers in one page. */
    static final int PAGE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int page;

    S3PaperStore(S3Client s3, String bucket, String prefix) {
        this(s3, bucket, prefix, PAGE);
    }

    /** With pages of another size, for the test of the listing. */
    S3PaperStore(S3Client s3, String bucket, String prefix, int page) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.page = page;
    }

    @Override
    public void put(String sha256, byte[] bytes) {
        if (exists(sha256)) {
            return;
        }
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(prefix + sha256).contentLength((long) bytes.length)
                .contentType("application/octet-stream").build(), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + sha256)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The paginator asks for the next page only when the stream reaches it. */
    @Override
    public Stream<Stored> stored() {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(page)).contents().stream()
                .map(object -> new Stored(object.key().substring(prefix.length()), object.lastModified()))
                .filter(stored -> PaperChecks.isSha256(stored.sha256()));
    }

    /** S3 answers a delete of a key that is not there as done. */
    @Override
    public void delete(String sha256) {
        s3.deleteObject(b -> b.bucket(bucket).key(prefix + sha256));
    }

    private boolean exists(String sha256) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(prefix + sha256).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // a HEAD answer has no body: some stores say 404 without the NoSuchKey code
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String describe() {
        return "s3 " + bucket + "/" + prefix;
    }
}
