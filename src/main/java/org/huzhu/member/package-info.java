/**
 * The members' own pages (线上快办, under {@code /m/}): sign-in with the ID number and a one-time
 * code sent to the mobile number on file, their enrolments, a quote, their claims, a claim and
 * its supplements sent online. Owns the tables {@code member_sign_in_code} and
 * {@code member_sign_in_request}; claims, papers and messages are the claim, papers and
 * notification modules'. Its own security filter chain keeps member sessions apart from staff's.
 */
package org.huzhu.member;
