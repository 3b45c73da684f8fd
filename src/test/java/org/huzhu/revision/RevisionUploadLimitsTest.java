package org.huzhu.revision;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads the engine would choke on are refused at the field, and nothing is deployed. */
@HuzhuIntegrationTest
class RevisionUploadLimitsTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repository;

    @Test
    void aProcessUploadedUnderAnotherFileNameIsRefusedWithTheNameToUse() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        String lifecycle = new String(new ClassPathResource("processes/claim-lifecycle.bpmn").getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        RevisionUploads.Answer answer = new RevisionUploads(rest).upload("admin", "改名上传",
                Map.of("claim-lifecycle-2027.bpmn", lifecycle));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("DUPLICATE_DEFINITION").contains("claim-lifecycle.bpmn");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void tooManyFilesAreRefused() throws Exception {
        for (int count : new int[] {41, 200}) {
            tooMany(count);
        }
    }

    private void tooMany(int count) throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            files.put("form-" + i + ".form", "{\"id\":\"form-" + i + "\",\"components\":[]}");
        }
        RevisionUploads.Answer answer = new RevisionUploads(rest).upload("admin", count + "个文件", files);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("TOO_MANY_FILES");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }
}
