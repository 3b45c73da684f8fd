package org.huzhu.papers;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** The paper store that {@code huzhu.papers.store} names: {@code disk} (the default) or {@code s3}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaperSettings.class)
class PaperStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaperStoreConfiguration.class);

    @Bean
    PaperStore paperStore(PaperSettings settings) {
        PaperStore store = switch (settings.store()) {
            case "disk" -> new DiskPaperStore(settings.directory());
            case "s3" -> new S3PaperStore(s3Client(settings.s3()), settings.s3().bucket(), settings.s3().prefix());
            default -> throw new IllegalArgumentException("huzhu.papers.store: disk or s3, not " + settings.store());
        };
        log.info("Papers are kept in {}", store.describe());
        return store;
    }

    /**
     * A client for any S3-compatible store. Checksums only where the protocol requires them, and
     * a body sent whole with its signature rather than in signed chunks ({@code aws-chunked}):
     * not every S3-compatible server understands either (some keep the chunks' headers as part
     * of the object); the papers' own SHA-256 is checked on every read.
     */
    static S3Client s3Client(PaperSettings.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        boolean keyed = s3.accessKey() != null && !s3.accessKey().isBlank();
        builder.credentialsProvider(keyed
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
                : DefaultCredentialsProvider.builder().build());
        return builder.build();
    }
}
