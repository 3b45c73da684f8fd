package org.huzhu.papers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where papers are kept ({@code huzhu.papers.*}, docs/papers.md).
 *
 * @param store     {@code disk} (the default): files under {@code directory}; {@code s3}: objects in
 *                  an S3-compatible store (MinIO, Ceph, OSS, COS)
 * @param directory the disk store's folder, by default {@code papers/} in the data directory
 * @param s3        the object store, when {@code store} is {@code s3}
 * @param retention how long files are kept
 */
@ConfigurationProperties("huzhu.papers")
public record PaperSettings(@DefaultValue("disk") String store, @DefaultValue("./data/papers") Path directory,
                            @DefaultValue S3 s3, @DefaultValue Retention retention) {

    /**
     * @param endpoint  the store's address, e.g. {@code http://minio.internal:9000}; empty for AWS itself
     * @param region    the region the store answers for (MinIO and Ceph take any, e.g. {@code us-east-1})
     * @param bucket    the bucket, created beforehand
     * @param prefix    put before each hash in an object's key
     * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: what
     *                  MinIO and Ceph expect
     * @param accessKey with {@code secretKey}, the store's key pair; both empty: the SDK's default
     *                  chain (environment, profile, instance role)
     */
    public record S3(String endpoint, @DefaultValue("us-east-1") String region, @DefaultValue("huzhu-papers") String bucket,
                     @DefaultValue("papers/") String prefix, @DefaultValue("true") boolean pathStyle,
                     String accessKey, String secretKey) {
    }

    /**
     * How long files are kept ({@code huzhu.papers.retention.*}); the sweep that applies it runs on
     * {@code huzhu.papers.retention.sweep-cron}.
     *
     * @param closedClaimsFor how long after a claim was paid or rejected its files are kept; empty
     *                        (the default): for ever
     * @param grace           how old bytes named by no claim's file must be before they are removed,
     *                        so that an upload still under way keeps its bytes
     */
    public record Retention(Period closedClaimsFor, @DefaultValue("P1D") Duration grace) {

        public Optional<Period> closedClaimsKept() {
            return Optional.ofNullable(closedClaimsFor);
        }
    }
}
