package io.rolloutpilot.core.validation;

import io.rolloutpilot.core.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Pod-template hashes, as Kubernetes and Argo Rollouts put them in the {@code rollouts-pod-template-hash}
 * label (e.g. {@code 6c5b8d4f9}): lowercase letters and digits, at most 63 like any label value. Nothing
 * else is accepted, so a hash can never close the label matcher it is put in and add PromQL of its own.
 */
public final class PodTemplateHashes {
  private static final Pattern HASH = Pattern.compile("[a-z0-9]{1,63}");

  private PodTemplateHashes() {}

  public static boolean isValid(String value) {
    return value != null && HASH.matcher(value).matches();
  }

  public static String require(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(field, "must not be empty; give a pod template hash such as 6c5b8d4f9");
    }
    if (!isValid(value)) {
      throw new InvalidInputException(field, Quoted.of(value) + " is not a pod template hash: 1 to 63 lowercase"
          + " letters and digits, such as 6c5b8d4f9");
    }
    return value;
  }
}
