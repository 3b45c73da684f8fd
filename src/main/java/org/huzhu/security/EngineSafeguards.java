package org.huzhu.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.huzhu.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rules the engine keeps whatever the client: only system administrators deploy and nobody can be
 * granted it, break-glass deployments are recorded, and users are kept by {@link IdentityStore}
 * (sign-in locks that end, camunda-admin never without a member).
 */
@Component
class EngineSafeguards extends AbstractProcessEnginePlugin {

    private final ObjectProvider<AuditTrail> audit;
    private final SignInLocks locks;

    EngineSafeguards(ObjectProvider<AuditTrail> audit, SignInLocks locks) {
        this.audit = audit;
        this.locks = locks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getIdentityProviderSessionFactory() != null) {
            throw new IllegalStateException("another identity provider is configured; Huzhu keeps users in the engine's own tables");
        }
        // the engine registers the provider as writable too because this type is one
        configuration.setIdentityProviderSessionFactory(sessions(IdentityStore.class, () -> new IdentityStore(locks)));
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(sessions(AuthorizationManager.class, OnlyAdministratorsDeploy::new));
        configuration.setCustomSessionFactories(factories);
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new BreakGlassDeployments(audit));
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /** Sessions of the type, opened as our subclass of the engine's own implementation. */
    private static SessionFactory sessions(Class<?> type, java.util.function.Supplier<Session> open) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return open.get();
            }
        };
    }
}
