/**
 * Process revisions: what process admins upload (BPMN, DMN, forms) is checked (nothing that runs
 * code, every reference resolves, the lint), tried on recent claims (the approval routing's dry
 * run), deployed beside what stays and listed; running claims are moved to the newest version.
 * Owns the table {@code process_revision}. Imports Camunda because its material is the engine's:
 * models read by the engine's parsers, decisions evaluated, deployments and migrations made by it.
 */
@ApplicationModule(allowedDependencies = {"platform", "audit", "security", "claim", "workflow"})
package org.huzhu.revision;

import org.springframework.modulith.ApplicationModule;
