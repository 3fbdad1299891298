package io.rolloutpilot.sandbox.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A static field of a {@link SandboxTest} class that receives part of its sandbox, by type: the
 * {@code Sandbox}, its {@code KubernetesClient} or its {@code ControllerSimulator}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SandboxPart {}
