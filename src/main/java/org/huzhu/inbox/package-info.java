/**
 * The auditors' inbox: their work items (one row per open task of a claim, kept in step with the
 * engine's tasks), the task list, taking, releasing, reassigning and deciding a task, the clerk's
 * account fix, and the same work as saved filters in Camunda Tasklist. Owns the tables
 * {@code work_item}, {@code work_item_group} and {@code work_item_user}. Imports Camunda because
 * its work is the engine's user tasks: it reads, assigns and completes them through the engine and
 * guards, in the engine, who may hold them.
 */
@ApplicationModule(allowedDependencies = {"platform", "audit", "security", "scheme", "claim", "sla", "workflow"})
package org.huzhu.inbox;

import org.springframework.modulith.ApplicationModule;
