/**
 * What every capability leans on: the database (embedded PostgreSQL by default), the clock,
 * money, the problem responses that tell a person, field by field, what was wrong, the
 * API's OpenAPI description that documents them, and the workbench's frame: the layout, the
 * menu and home page that modules fill ({@code WorkbenchMenu}, {@code HomeFigures}) and the
 * error pages. Owns no table; the schema migrations of
 * every module live together in db/migration.
 */
package org.huzhu.platform;
