package org.huzhu.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Puts {@link LockingIdentityProvider} in place of the engine's database identity provider. */
@Component
class SignInLockPlugin extends AbstractProcessEnginePlugin {

    private final SignInLocks locks;

    SignInLockPlugin(SignInLocks locks) {
        this.locks = locks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            // the engine registers the provider as writable too because this type is
            @Override
            public Class<?> getSessionType() {
                return LockingIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new LockingIdentityProvider(locks);
            }
        });
    }
}
