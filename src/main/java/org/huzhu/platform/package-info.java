/**
 * What every capability leans on: the database (embedded PostgreSQL by default), the clock,
 * money and the problem responses that tell a person, field by field, what was wrong. Owns no
 * table; the schema migrations of every module live together in db/migration.
 */
package org.huzhu.platform;
