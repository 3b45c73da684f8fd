/**
 * Camunda glue: deploys processes/ and forms/, starts and signals claim processes, one small
 * adapter per service task and task listener, the engine's sandbox, and (until they get a module
 * of their own) process revisions. Each adapter reads the claim id, calls a domain service and
 * writes back only what the BPMN routes on.
 */
package org.huzhu.workflow;
