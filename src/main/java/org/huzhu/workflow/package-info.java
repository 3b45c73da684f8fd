/**
 * Camunda glue only: deploys processes/ and forms/, starts and signals claim processes, one
 * small adapter per service task and task listener, and the auditors' task API. Each adapter
 * reads the claim id, calls a domain service and writes back only what the BPMN routes on.
 */
package org.huzhu.workflow;
