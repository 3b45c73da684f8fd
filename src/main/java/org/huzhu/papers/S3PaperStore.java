package org.huzhu.papers;

import java.util.Optional;

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

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3PaperStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
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
