package org.huzhu.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN, DMN and forms shipped in processes/ and forms/ as one deployment with
 * fixed resource names, so an unchanged start deploys nothing new and a changed file makes a
 * new version. Forms go with the processes that link them by deployment binding.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProcessDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "huzhu";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;

    ProcessDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("processes/ and forms/")
                .enableDuplicateFiltering(true);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Set<String> names = new TreeSet<>();
        for (String pattern : new String[] {"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
                "classpath*:forms/*.form"}) {
            for (Resource resource : resolver.getResources(pattern)) {
                String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/'));
                String name = folder + "/" + resource.getFilename();
                // a class path may hold a folder twice; the first one found is deployed
                if (names.add(name)) {
                    try (InputStream in = resource.getInputStream()) {
                        deployment.addInputStream(name, in);
                    }
                }
            }
        }
        Deployment before = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        DeploymentWithDefinitions result = deployment.deployWithResult();
        if (before != null && before.getId().equals(result.getId())) {
            log.info("The {} resources in processes/ and forms/ are unchanged since deployment {}: nothing deployed",
                    names.size(), result.getId());
        } else {
            log.info("Deployed {} resources from processes/ and forms/ as deployment {} ({} new process definitions)",
                    names.size(), result.getId(), result.getDeployedProcessDefinitions() == null ? 0
                            : result.getDeployedProcessDefinitions().size());
        }
    }
}
