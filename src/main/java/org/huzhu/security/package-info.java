/**
 * Who may do what. Users and groups live in Camunda's identity service, the one source of
 * truth for our API and for Tasklist/Cockpit; this package bridges them to Spring Security and
 * tells the rest of Huzhu which roles and agencies the caller has. Users, groups and authorizations
 * are the engine's. Owns the table {@code staff_mobile}: staff members' numbers, for the messages
 * to their group ({@code StaffMobiles}). Imports Camunda for that identity service and to
 * guard the engine's own APIs (authentication, authorizations, break-glass deployments).
 */
package org.huzhu.security;
