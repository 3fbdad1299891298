package io.rolloutpilot.sandbox.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against one sandbox, started before its first test and closed after its last.
 * Static fields marked {@link SandboxPart} receive the sandbox, its client or its controller simulator;
 * after each test the simulator's pod-ready delay and analysis outcome are set back to this class's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SandboxExtension.class)
public @interface SandboxTest {
  /** How long simulated pods take to become ready. */
  long podReadyDelayMillis() default 200;

  /** How long simulated AnalysisRuns stay Running before they succeed; negative: they wait for the test. */
  long analysisMillis() default 100;
}
