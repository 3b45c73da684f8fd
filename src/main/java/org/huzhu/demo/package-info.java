/**
 * Demo data for the embedded default: a league, two agencies, units with enrolled members,
 * the Anyang in-patient rule set, example rule sets for outpatient special diseases, the
 * women's scheme 馨康 and major illness, and demo users (password {@code demo}). Never loaded
 * on a configured database or the prod profile. Owns no table: it writes through the other
 * modules. Imports Camunda only to put the demo admin in the engine's own admin group.
 */
package org.huzhu.demo;
