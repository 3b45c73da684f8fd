/**
 * Camunda glue only: deploys processes/ and forms/, starts and signals claim processes, one small
 * adapter per service task and task listener, {@code slaClock} for timer and due dates, the one
 * clock, and the engine's sandbox (what expressions may reach, no scripts, no personal values in
 * history). Each adapter reads the claim id, calls a domain service and writes back only what the
 * BPMN routes on. Its public types are the processes' vocabulary (variables, audit tasks, approval
 * steps) that the inbox and revisions build on. Owns no table: the engine's are Camunda's.
 * Imports Camunda because it is the engine's side of every process.
 */
@ApplicationModule(allowedDependencies = {"platform", "scheme", "claim", "sla", "payout"})
package org.huzhu.workflow;

import org.springframework.modulith.ApplicationModule;
