/**
 * Read-only views across capabilities for supervisors and administrators: the audit trail
 * per person, statistics and exports.
 */
package org.huzhu.reporting;
