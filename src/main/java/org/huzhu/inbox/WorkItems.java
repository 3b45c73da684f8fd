package org.huzhu.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.huzhu.claim.ClaimSummary;
import org.huzhu.claim.OpenWork;
import org.huzhu.platform.Beijing;
import org.huzhu.sla.EscalationRaised;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The auditors' open work, one row per task, kept in step with the engine by task listeners.
 * Lists read only these tables: urgent first, then the nearest deadline, then the oldest.
 */
@Repository
class WorkItems implements OpenWork {

    private static final String COLUMNS = """
            w.task_id, w.claim_id, w.name, w.stage, w.created_at, w.due_at, w.urgent, w.assignee, w.agency_code,
            w.scheme, w.member_name, w.member_id_masked, w.eligible_amount, w.subsidy
            """;

    private final JdbcClient jdbc;

    WorkItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(String taskId, String processInstanceId, String stage, String name, Instant createdAt, Instant dueAt,
              Collection<String> candidateGroups, Collection<String> candidateUsers, String assignee, ClaimSummary claim) {
        jdbc.sql("""
                        insert into work_item (task_id, claim_id, process_instance_id, stage, name, assignee, created_at, due_at,
                            agency_code, scheme, member_name, member_id_masked, eligible_amount, subsidy)
                        values (:task, :claim, :process, :stage, :name, :assignee, :created, :due, :agency, :scheme,
                            :memberName, :memberId, :eligible, :subsidy)
                        on conflict (task_id) do nothing
                        """)
                .param("task", taskId).param("claim", claim.claimId()).param("process", processInstanceId)
                .param("stage", stage).param("name", name).param("assignee", assignee)
                .param("created", Timestamp.from(createdAt)).param("due", timestamp(dueAt))
                .param("agency", claim.agencyCode()).param("scheme", claim.scheme())
                .param("memberName", claim.memberName()).param("memberId", claim.memberIdNumberMasked())
                .param("eligible", claim.eligibleAmount()).param("subsidy", claim.subsidy()).update();
        for (String group : candidateGroups) {
            jdbc.sql("""
                            insert into work_item_group (task_id, group_id, due_at, created_at)
                            values (:task, :group, :due, :created) on conflict do nothing
                            """)
                    .param("task", taskId).param("group", group).param("due", timestamp(dueAt))
                    .param("created", Timestamp.from(createdAt)).update();
        }
        for (String user : candidateUsers) {
            jdbc.sql("""
                            insert into work_item_user (task_id, user_id, due_at, created_at)
                            values (:task, :user, :due, :created) on conflict do nothing
                            """)
                    .param("task", taskId).param("user", user).param("due", timestamp(dueAt))
                    .param("created", Timestamp.from(createdAt)).update();
        }
    }

    void assign(String taskId, String assignee) {
        jdbc.sql("update work_item set assignee = :assignee where task_id = :task")
                .param("assignee", assignee).param("task", taskId).update();
    }

    /** One statement for the item and its lists' rows; nothing changes while the due date stays (a task claimed). */
    void reschedule(String taskId, Instant dueAt) {
        jdbc.sql("""
                        with item as (
                            update work_item set due_at = :due
                            where task_id = :task and due_at is distinct from cast(:due as timestamptz)
                            returning task_id),
                        by_group as (
                            update work_item_group g set due_at = :due from item where g.task_id = item.task_id)
                        update work_item_user u set due_at = :due from item where u.task_id = item.task_id
                        """)
                .param("due", timestamp(dueAt)).param("task", taskId).update();
    }

    void close(String taskId) {
        jdbc.sql("delete from work_item where task_id = :task").param("task", taskId).update();
    }

    /** An escalated claim's open work rises to the top of every auditor's list. */
    @EventListener
    void escalated(EscalationRaised escalation) {
        markUrgent(escalation.claimId());
    }

    /** Marks all open work on the claim urgent, so it rises to the top of every list. */
    void markUrgent(long claimId) {
        jdbc.sql("update work_item set urgent = true where claim_id = :claim").param("claim", claimId).update();
        jdbc.sql("update work_item_group set urgent = true where task_id in (select task_id from work_item where claim_id = :claim)")
                .param("claim", claimId).update();
        jdbc.sql("update work_item_user set urgent = true where task_id in (select task_id from work_item where claim_id = :claim)")
                .param("claim", claimId).update();
    }

    /**
     * Holds the task's work item until the transaction ends, so two people acting on one task
     * at once go one after the other: the second then finds it taken or done (a 409), where
     * running side by side in the engine failed in its listeners or on a duplicate grant.
     */
    void lock(String taskId) {
        jdbc.sql("select task_id from work_item where task_id = :task for update").param("task", taskId)
                .query(String.class).optional();
    }

    Optional<AuditorTask> find(String taskId) {
        return jdbc.sql("select " + COLUMNS + " from work_item w where w.task_id = :task").param("task", taskId)
                .query(WorkItems::map).optional();
    }

    private static final String AT_HAND = """
            select w.task_id, w.process_instance_id, w.stage, w.name, w.assignee,
                   array(select g.group_id from work_item_group g where g.task_id = w.task_id) as groups,
                   array(select u.user_id from work_item_user u where u.task_id = w.task_id) as users
            from work_item w
            """;

    /** The open task as its work item and candidate groups hold it, empty when there is no work item. */
    Optional<TaskAtHand> atHand(String taskId) {
        return jdbc.sql(AT_HAND + " where w.task_id = :task").param("task", taskId).query(WorkItems::atHand).optional();
    }

    /** Every open task of the claim, oldest first. */
    List<TaskAtHand> ofClaim(long claimId) {
        return jdbc.sql(AT_HAND + " where w.claim_id = :claim order by w.created_at, w.task_id").param("claim", claimId)
                .query(WorkItems::atHand).list();
    }

    private static TaskAtHand atHand(ResultSet row, int rowNumber) throws SQLException {
        return new TaskAtHand(row.getString("task_id"), row.getString("process_instance_id"), row.getString("stage"),
                row.getString("name"), row.getString("assignee"), Set.of((String[]) row.getArray("groups").getArray()),
                Set.of((String[]) row.getArray("users").getArray()));
    }

    /**
     * One page of the caller's work: tasks of their groups, offered to them by name, or assigned
     * to them. Each group (and the caller's own offers) is read in list order from its index and
     * stops after the page, so the cost does not grow with all open work. Reads one more row
     * than asked, so the caller knows whether there is more without counting.
     */
    List<AuditorTask> page(WorkFilter filter, Collection<String> groups, String userId, int offset, int limit) {
        return candidates("select " + COLUMNS + " from work_item w join candidates c on c.task_id = w.task_id"
                        + " order by w.urgent desc, w.due_at, w.created_at, w.task_id limit :limit offset :offset",
                filter, groups, userId, offset + limit)
                .param("limit", limit).param("offset", offset).query(WorkItems::map).list();
    }

    /**
     * How many tasks the caller's list holds, counted no further than {@code bound}: read from the
     * same indexes as a page, so the cost does not grow with all open work either.
     */
    long count(WorkFilter filter, Collection<String> groups, String userId, int bound) {
        long counted = candidates("select count(*) from candidates", filter, groups, userId, bound)
                .query(Long.class).single();
        return Math.min(counted, bound);
    }

    /**
     * The statement that reads the caller's list, its rows named {@code candidates}, each source
     * read no further than {@code window} rows.
     */
    private JdbcClient.StatementSpec candidates(String select, WorkFilter filter, Collection<String> groups,
                                                String userId, int window) {
        List<String> conditions = new ArrayList<>();
        if (filter.unassigned()) {
            conditions.add("w.assignee is null");
        }
        if (filter.stage() != null) {
            conditions.add("w.stage = :stage");
        }
        if (filter.agency() != null) {
            conditions.add("w.agency_code = :agency");
        }
        if (filter.scheme() != null) {
            conditions.add("w.scheme = :scheme");
        }
        if (filter.urgentOnly()) {
            conditions.add("w.urgent");
        }
        String narrowed = conditions.isEmpty() ? "" : " and " + String.join(" and ", conditions);
        String assigned = "(select w.task_id from work_item w where w.assignee = :user" + narrowed
                + " order by w.urgent desc, w.due_at, w.created_at, w.task_id limit :window)";
        String offered = "(select u.task_id from work_item_user u join work_item w on w.task_id = u.task_id"
                + " where u.user_id = :user" + narrowed
                + " order by u.urgent desc, u.due_at, u.created_at, u.task_id limit :window)";
        String ofGroups = groups.isEmpty() ? "" : """
                select picked.task_id from unnest(array[:groups]::varchar[]) as grp(id) cross join lateral (
                    select g.task_id from work_item_group g join work_item w on w.task_id = g.task_id
                    where g.group_id = grp.id""" + narrowed + """
                    order by g.urgent desc, g.due_at, g.created_at, g.task_id limit :window) picked
                union
                """;
        String candidates = filter.assignedToMe() ? assigned : ofGroups + offered + " union " + assigned;
        JdbcClient.StatementSpec statement = jdbc.sql("with candidates as (" + candidates + ") " + select)
                .param("user", userId).param("window", window);
        if (!filter.assignedToMe() && !groups.isEmpty()) {
            statement = statement.param("groups", List.copyOf(groups));
        }
        if (filter.stage() != null) {
            statement = statement.param("stage", filter.stage());
        }
        if (filter.agency() != null) {
            statement = statement.param("agency", filter.agency());
        }
        if (filter.scheme() != null) {
            statement = statement.param("scheme", filter.scheme());
        }
        return statement;
    }

    /** How many open tasks of the step the groups hold. */
    long countOfGroups(String stage, Collection<String> groups) {
        if (groups.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(distinct g.task_id) from work_item_group g join work_item w on w.task_id = g.task_id
                        where w.stage = :stage and g.group_id in (:groups)
                        """)
                .param("stage", stage).param("groups", List.copyOf(groups)).query(Long.class).single();
    }

    @Override
    public List<String> openSteps(long claimId) {
        return jdbc.sql("select name from work_item where claim_id = :claim order by created_at, task_id")
                .param("claim", claimId).query(String.class).list();
    }

    private static AuditorTask map(ResultSet row, int rowNumber) throws SQLException {
        Timestamp due = row.getTimestamp("due_at");
        return new AuditorTask(row.getString("task_id"), row.getLong("claim_id"), row.getString("name"),
                row.getString("stage"), row.getTimestamp("created_at").toInstant().atZone(Beijing.ZONE).toOffsetDateTime(),
                due == null ? null : due.toInstant().atZone(Beijing.ZONE).toOffsetDateTime(),
                row.getString("assignee"), row.getString("agency_code"), row.getString("scheme"),
                row.getString("member_name"), row.getString("member_id_masked"), row.getBigDecimal("eligible_amount"),
                row.getBigDecimal("subsidy"), row.getBoolean("urgent"), null, null, null);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
