package io.rolloutpilot.sandbox.junit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import io.rolloutpilot.sandbox.sim.AnalysisOutcomePolicy;
import io.rolloutpilot.sandbox.sim.ControllerSimulator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one sandbox per {@link SandboxTest} class, fills its {@link SandboxPart} fields, puts the
 * simulator's settings back after each test (resumed, this class's pod-ready delay and analysis outcome),
 * and closes the sandbox after the last test.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(podReadyDelay(context)));
    context.getStore(NAMESPACE).put(Sandbox.class, sandbox);
    restore(context, sandbox);
    for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(SandboxPart.class)) {
          inject(field, sandbox);
        }
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Sandbox sandbox = context.getStore(NAMESPACE).get(Sandbox.class, Sandbox.class);
    if (sandbox != null) {
      restore(context, sandbox);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Sandbox sandbox = context.getStore(NAMESPACE).remove(Sandbox.class, Sandbox.class);
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static void restore(ExtensionContext context, Sandbox sandbox) {
    SandboxTest settings = settings(context);
    sandbox.controller().resume();
    sandbox.controller().setPodReadyDelay(podReadyDelay(context));
    sandbox.controller().setAnalysisOutcomePolicy(settings.analysisMillis() < 0 ? AnalysisOutcomePolicy.manual()
        : AnalysisOutcomePolicy.successfulAfter(Duration.ofMillis(settings.analysisMillis())));
  }

  private static void inject(Field field, Sandbox sandbox) throws IllegalAccessException {
    if (!Modifier.isStatic(field.getModifiers())) {
      throw new ExtensionConfigurationException("@SandboxPart field " + field.getName() + " must be static");
    }
    Object part = field.getType() == Sandbox.class ? sandbox
        : field.getType() == KubernetesClient.class ? sandbox.client()
        : field.getType() == ControllerSimulator.class ? sandbox.controller() : null;
    if (part == null) {
      throw new ExtensionConfigurationException("@SandboxPart field " + field.getName() + " has a type the sandbox"
          + " does not provide: " + field.getType().getSimpleName());
    }
    field.setAccessible(true);
    field.set(null, part);
  }

  private static Duration podReadyDelay(ExtensionContext context) {
    return Duration.ofMillis(settings(context).podReadyDelayMillis());
  }

  private static SandboxTest settings(ExtensionContext context) {
    SandboxTest settings = context.getRequiredTestClass().getAnnotation(SandboxTest.class);
    if (settings == null) {
      throw new ExtensionConfigurationException("use @SandboxTest on the class to run it against a sandbox");
    }
    return settings;
  }
}
