/**
 * Read-only views across capabilities for supervisors and administrators: the audit trail
 * per person, statistics and exports. Owns no table: it reads what the other modules expose.
 */
package org.huzhu.reporting;
