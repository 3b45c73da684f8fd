package org.huzhu.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to run without a system administrator, checked after everything that creates users
 * at start (the initial admin, the demo): with camunda-admin empty, the Admin webapp would offer
 * anyone its first-run setup. The engine keeps the last one afterwards ({@link IdentityStore}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AdministratorRequired implements ApplicationRunner {

    private final IdentityService identityService;

    AdministratorRequired(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            throw new IllegalStateException("没有系统管理员（" + Groups.CAMUNDA_ADMIN + " 组为空），Huzhu 拒绝启动："
                    + "请设置 HUZHU_ADMIN_USER 和 HUZHU_ADMIN_PASSWORD（huzhu.security.initial-admin.id / .password），"
                    + "启动时会创建第一位系统管理员");
        }
    }
}
