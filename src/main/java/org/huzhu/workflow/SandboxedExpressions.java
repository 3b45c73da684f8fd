package org.huzhu.workflow;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's defence behind the revision checks, for whatever reaches it another way: its
 * expressions resolve variables and the beans {@link ExpressionPolicy} declares, never the
 * whole application context, and refuse reflection ({@link ReflectionGuard}); no script engine
 * exists for any language; decisions are FEEL (the default for every DMN expression) without
 * JUEL, and FEEL's external Java functions stay off (the Scala FEEL engine is built with
 * {@code enableExternalFunctions(false)}). Queries typed ad hoc carry no expressions; saved
 * Tasklist filters keep {@code currentUser()} and {@code currentUserGroups()}, evaluated here.
 */
@Component
public class SandboxedExpressions extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    SandboxedExpressions(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DeclaredBeans beans = new DeclaredBeans(context);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SandboxedExpressionManager(beans));
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setEnableFetchScriptEngineFromProcessApplication(false);
        configuration.setDmnFeelEnableLegacyBehavior(false);
        configuration.setDmnElProvider(NO_JUEL);
        configuration.setDmnEngineConfiguration(feelOnly(new DefaultDmnEngineConfiguration()));
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(true);
    }

    /** Every DMN expression without a language of its own is FEEL, and no other language can run. */
    public static DefaultDmnEngineConfiguration feelOnly(DefaultDmnEngineConfiguration dmn) {
        String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
        return dmn.defaultInputExpressionExpressionLanguage(feel).defaultInputEntryExpressionLanguage(feel)
                .defaultOutputEntryExpressionLanguage(feel).defaultLiteralExpressionLanguage(feel)
                .enableFeelLegacyBehavior(false).elProvider(NO_JUEL).scriptEngineResolver(language -> {
                    throw new ProcessEngineException("DMN expressions are FEEL only, not " + language);
                });
    }

    private static final ElProvider NO_JUEL = expression -> {
        throw new ProcessEngineException("DMN expressions are FEEL only, not JUEL");
    };

    /** The engine's expressions: variables, then declared beans, then plain values, behind the guard. */
    static final class SandboxedExpressionManager extends JuelExpressionManager {

        SandboxedExpressionManager(Map<Object, Object> beans) {
            super(beans);
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(new ReflectionGuard());
            resolver.add(new VariableScopeElResolver());
            resolver.add(new VariableContextElResolver());
            resolver.add(new ReadOnlyMapELResolver(beans));
            resolver.add(new ArrayELResolver(true));
            resolver.add(new ListELResolver(true));
            resolver.add(new MapELResolver(true));
            resolver.add(new BeanELResolver(true));
            return resolver;
        }
    }

    /** The beans of {@link ExpressionPolicy#engineBeans}, looked up when an expression names one. */
    static final class DeclaredBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private volatile Set<String> names;

        DeclaredBeans(ApplicationContext context) {
            this.context = context;
        }

        private Set<String> names() {
            if (names == null) {
                names = Set.copyOf(ExpressionPolicy.engineBeans(context));
            }
            return names;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && names().contains(name);
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            Map<Object, Object> beans = new LinkedHashMap<>();
            names().forEach(name -> beans.put(name, context.getBean(name)));
            return beans.entrySet();
        }
    }

    /** No script engine for any language: script tasks, listeners and conditions cannot run. */
    static final class NoScriptEngines implements ScriptEngineResolver {

        private final ScriptEngineManager none = new ScriptEngineManager(null) {
            @Override
            public ScriptEngine getEngineByName(String shortName) {
                return null;
            }

            @Override
            public ScriptEngine getEngineByExtension(String extension) {
                return null;
            }

            @Override
            public ScriptEngine getEngineByMimeType(String mimeType) {
                return null;
            }

            @Override
            public java.util.List<ScriptEngineFactory> getEngineFactories() {
                return java.util.List.of();
            }
        };

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
            // None are taken: no script may run in this engine.
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return none;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            return null;
        }
    }
}
