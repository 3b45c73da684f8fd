/**
 * Who may do what. Users and groups live in Camunda's identity service, the one source of
 * truth for our API and for Tasklist/Cockpit; this package bridges them to Spring Security and
 * tells the rest of Huzhu which roles and agencies the caller has.
 */
package org.huzhu.security;
