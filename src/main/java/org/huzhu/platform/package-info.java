/**
 * What every capability leans on: the database (embedded PostgreSQL by default), the clock,
 * money, the problem responses that tell a person, field by field, what was wrong, and the
 * API's OpenAPI description that documents them. Owns no table; the schema migrations of
 * every module live together in db/migration.
 */
package org.huzhu.platform;
