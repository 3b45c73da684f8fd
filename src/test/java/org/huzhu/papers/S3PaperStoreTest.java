package org.huzhu.papers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The S3 store against a real S3-compatible server over HTTP: s3rver (a Node implementation of
 * the S3 protocol, from {@code npm ci --prefix .ci}), started by the test on a free port. The
 * client is the one the app builds from {@code huzhu.papers.s3.*}; nothing of the SDK is mocked.
 */
class S3PaperStoreTest extends PaperStoreContract {

    static final String BUCKET = "huzhu-papers";
    static Process server;
    static S3Client client;
    static Path objects;

    @BeforeAll
    static void startServer() throws IOException {
        if (!Files.isDirectory(Path.of(".ci/node_modules/s3rver"))) {
            fail("s3rver is missing from .ci/node_modules: run npm ci --prefix .ci");
        }
        objects = Files.createTempDirectory("huzhu-s3rver");
        // s3rver encrypts its listings' continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider
        ProcessBuilder node = new ProcessBuilder("node", "--openssl-legacy-provider", "src/test/s3/s3rver.cjs")
                .redirectErrorStream(true);
        node.environment().put("NODE_PATH", Path.of(".ci/node_modules").toAbsolutePath().toString());
        node.environment().put("S3RVER_DIRECTORY", objects.toString());
        node.environment().put("S3RVER_BUCKET", BUCKET);
        try {
            server = node.start();
        } catch (IOException e) {
            throw new AssertionError("node is needed for the S3 store's test (apt-get install -y nodejs): " + e.getMessage(), e);
        }
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        if (line == null || !line.startsWith("port ")) {
            fail("s3rver did not start: " + line);
        }
        // s3rver's own keys; path-style, as for MinIO and Ceph
        client = PaperStoreConfiguration.s3Client(new PaperSettings.S3("http://127.0.0.1:" + line.substring(5),
                "us-east-1", BUCKET, "papers/", true, "S3RVER", "S3RVER"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
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
