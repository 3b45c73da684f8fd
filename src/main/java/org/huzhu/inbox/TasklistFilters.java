package org.huzhu.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.huzhu.security.EngineAuthorizations;
import org.huzhu.security.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Saved filters in Camunda Tasklist, created at start when missing, so auditors find there the
 * same work as in our task API.
 */
@Component
@Order(5)
class TasklistFilters implements ApplicationRunner {

    private final FilterService filterService;
    private final TaskService taskService;
    private final EngineAuthorizations authorizations;

    TasklistFilters(FilterService filterService, TaskService taskService, EngineAuthorizations authorizations) {
        this.authorizations = authorizations;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        // a candidate user query also takes the tasks of the user's groups (TaskQueryImpl.getCandidateGroups),
        // so it lists the second audit, offered by name, with the rest
        TaskQuery candidateTasks = taskService.createTaskQuery()
                .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                .orderByTaskCreateTime().asc();
        ensure("待审核申请", "本人所在审核组及指名给本人的全部待办，最早的在前", -10, candidateTasks);
        TaskQuery mine = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .orderByTaskCreateTime().asc();
        ensure("我的任务", "本人已认领的任务", -5, mine);
    }

    /** Creates the filter when missing, brings an older one's query up to date, and lets every role read it. */
    private void ensure(String name, String description, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter != null && !sameQuery(filter.getQuery(), query)) {
            filter.getProperties().put("description", description);
            filter = filterService.saveFilter(filter.setQuery(query));
        }
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            properties.put("variables", List.of(
                    Map.of("name", "memberName", "label", "会员"),
                    Map.of("name", "agencyCode", "label", "代办点"),
                    Map.of("name", "eligibleAmount", "label", "合规自付（元）"),
                    Map.of("name", "subsidy", "label", "补助金（元）")));
            filter = filterService.saveFilter(filterService.newTaskFilter(name).setQuery(query).setProperties(properties));
        }
        for (Role role : Role.values()) {
            authorizations.grant(role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private static boolean sameQuery(TaskQuery stored, TaskQuery wanted) {
        JsonTaskQueryConverter json = new JsonTaskQueryConverter();
        return json.toJsonObject(stored).toString().equals(json.toJsonObject(wanted).toString());
    }
}
