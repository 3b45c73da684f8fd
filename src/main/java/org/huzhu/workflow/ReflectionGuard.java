package org.huzhu.workflow;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.beans.factory.BeanFactory;

/**
 * First in every expression resolver chain: refuses any property read, write or method call
 * that reaches classes, class loaders, reflection, processes or threads, whatever object it
 * starts from. Everything else passes on to the resolvers behind it.
 */
public final class ReflectionGuard extends ELResolver {

    /** Names that lead to reflection or class loading, as methods and as bean properties. */
    private static final Set<String> NAMES = Set.of("getClass", "class", "forName", "getMethod", "getMethods",
            "getDeclaredMethod", "getDeclaredMethods", "getConstructor", "getConstructors", "getDeclaredConstructor",
            "getDeclaredConstructors", "getField", "getFields", "getDeclaredField", "getDeclaredFields", "invoke",
            "newInstance", "exec", "getRuntime", "runtime", "loadClass", "getClassLoader", "classLoader",
            "getContextClassLoader", "contextClassLoader", "setAccessible", "getModule", "module", "defineClass",
            "getSystemClassLoader", "systemClassLoader", "getBean", "getBeanFactory", "beanFactory",
            // From a process, an expression could otherwise reach the whole engine API (deploy past the checks).
            "getProcessEngine", "processEngine", "getProcessEngineServices", "processEngineServices",
            "getProcessEngineConfiguration", "processEngineConfiguration");

    /** Types no expression may touch at all. */
    private static final List<Class<?>> TYPES = List.of(Class.class, ClassLoader.class, Module.class,
            ModuleLayer.class, Runtime.class, ProcessBuilder.class, Process.class, ProcessHandle.class, Thread.class,
            ThreadGroup.class, System.class, BeanFactory.class);

    /** Packages of reflection, method handles and script engines. */
    private static final List<String> PACKAGES = List.of("java.lang.reflect.", "java.lang.invoke.", "javax.script.",
            "sun.", "jdk.internal.", "com.sun.");

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        refuse(base, property);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        refuse(base, method);
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        refuse(base, property);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        refuse(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        refuse(base, property);
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    /** Throws when the step from base to this property or method is one no expression may take. */
    static void refuse(Object base, Object property) {
        if (base == null) {
            return;
        }
        if (property != null && NAMES.contains(property.toString())) {
            throw new ELException("expression refused: " + property + " is not allowed");
        }
        if (forbidden(base.getClass())) {
            throw new ELException("expression refused: no access to " + base.getClass().getName());
        }
    }

    private static boolean forbidden(Class<?> type) {
        for (Class<?> forbidden : TYPES) {
            if (forbidden.isAssignableFrom(type)) {
                return true;
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            String name = c.getName();
            if (PACKAGES.stream().anyMatch(name::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
