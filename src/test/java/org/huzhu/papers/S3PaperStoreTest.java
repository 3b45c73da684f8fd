package org.huzhu.papers;

import java.net.URI;
import java.util.Properties;
import java.util.stream.Stream;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 store against a real S3-compatible server over HTTP: S3Proxy, started by the test inside
 * the test's JVM on a free port, with signed (V4) requests and an in-memory store behind it. The
 * client is the one the app builds from {@code huzhu.papers.s3.*}; nothing of the SDK is mocked.
 */
class S3PaperStoreTest extends PaperStoreContract {

    static final String BUCKET = "huzhu-papers";
    static final String ACCESS_KEY = "huzhu-test";
    static final String SECRET_KEY = "huzhu-test-secret";
    static BlobStore objects;
    static S3Proxy server;
    static S3Client client;

    @BeforeAll
    static void startServer() throws Exception {
        objects = BlobStores.create("transient-nio2", new Properties());
        server = S3Proxy.builder().blobStore(objects).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY).build();
        server.start();
        // path-style, as for MinIO and Ceph
        client = PaperStoreConfiguration.s3Client(new PaperSettings.S3("http://127.0.0.1:" + server.getPort(),
                "us-east-1", BUCKET, "papers/", true, ACCESS_KEY, SECRET_KEY));
        client.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
        if (objects != null) {
            objects.close();
        }
    }

    @Override
    PaperStore store() {
        return new S3PaperStore(client, BUCKET, "papers/", 2);
    }

    @Override
    long storedCopies(String sha256) {
        return client.listObjectsV2(b -> b.bucket(BUCKET).prefix("papers/" + sha256)).keyCount();
    }

    @Test
    void objectsBesideTheHashesAreNotListed() {
        byte[] scan = bytes(700, 4);
        String hash = PaperChecks.sha256(scan);
        store().put(hash, scan);
        client.putObject(b -> b.bucket(BUCKET).key("papers/README.txt"), RequestBody.fromString("not a paper"));
        try (Stream<PaperStore.Stored> stored = store().stored()) {
            assertThat(stored.map(PaperStore.Stored::sha256).toList()).contains(hash).allMatch(PaperChecks::isSha256);
        }
    }

    @Test
    void objectsAreNamedByTheirHashUnderThePrefix() {
        byte[] scan = bytes(1000, 3);
        String hash = PaperChecks.sha256(scan);
        store().put(hash, scan);
        assertThat(client.headObject(b -> b.bucket(BUCKET).key("papers/" + hash)).contentLength()).isEqualTo(1000);
    }
}
