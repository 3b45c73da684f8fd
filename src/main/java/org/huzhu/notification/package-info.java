/**
 * Messages that leave Huzhu: the outbox every module writes to in its own transaction, and the
 * senders that deliver it afterwards (an SMS provider, the demo mailbox). Owns the table
 * {@code notification}. Where a member's messages go it asks through {@code MemberMobiles},
 * which the membership module implements.
 */
package org.huzhu.notification;
