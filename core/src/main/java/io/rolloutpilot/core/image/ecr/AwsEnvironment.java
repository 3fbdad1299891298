package io.rolloutpilot.core.image.ecr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The AWS settings in a set of environment variables a front end passed, read the way the AWS CLI and
 * SDKs read their process environment, but from this map only. {@link #toString()} names no value.
 */
public record AwsEnvironment(Map<String, String> variables) {
  public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
  public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
  public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
  public static final String ROLE_ARN = "AWS_ROLE_ARN";
  public static final String ROLE_SESSION_NAME = "AWS_ROLE_SESSION_NAME";
  public static final String WEB_IDENTITY_TOKEN_FILE = "AWS_WEB_IDENTITY_TOKEN_FILE";
  public static final String PROFILE = "AWS_PROFILE";
  public static final String CONFIG_FILE = "AWS_CONFIG_FILE";
  public static final String SHARED_CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";
  public static final String CONTAINER_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
  public static final String CONTAINER_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
  public static final String CONTAINER_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
  public static final String CONTAINER_TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
  public static final String EC2_METADATA_DISABLED = "AWS_EC2_METADATA_DISABLED";
  public static final String EC2_METADATA_ENDPOINT = "AWS_EC2_METADATA_SERVICE_ENDPOINT";

  public AwsEnvironment {
    variables = Map.copyOf(variables);
  }

  /** A variable's value, trimmed; empty when it is unset or blank. */
  public Optional<String> get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** {@code AWS_PROFILE}, else {@code default}. */
  public String profileName() {
    return get(PROFILE).orElse("default");
  }

  /** True when {@code AWS_PROFILE} names a profile (then it must exist). */
  public boolean profileNamed() {
    return get(PROFILE).isPresent();
  }

  /**
   * {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else the {@code region} of {@code profile} (or
   * of {@link #profileName()} when null) in the config file.
   */
  public Optional<String> region(String profile) {
    Optional<String> region = get("AWS_REGION").or(() -> get("AWS_DEFAULT_REGION"));
    if (region.isPresent()) {
      return region;
    }
    String name = profile != null ? profile : profileName();
    return profileFile().flatMap(file -> file.profile(name)).flatMap(p -> p.property("region"));
  }

  /**
   * The shared config and credentials files, as one profile file (credentials over config, as the AWS
   * CLI has it): {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code .aws/config}
   * and {@code .aws/credentials} under {@code HOME}. Empty when neither exists.
   */
  public Optional<ProfileFile> profileFile() {
    Optional<Path> home = get("HOME").map(Path::of);
    Optional<Path> config = get(CONFIG_FILE).map(Path::of).or(() -> home.map(h -> h.resolve(".aws/config")));
    Optional<Path> credentials = get(SHARED_CREDENTIALS_FILE).map(Path::of)
        .or(() -> home.map(h -> h.resolve(".aws/credentials")));
    boolean hasConfig = config.filter(Files::isRegularFile).isPresent();
    boolean hasCredentials = credentials.filter(Files::isRegularFile).isPresent();
    if (!hasConfig && !hasCredentials) {
      return Optional.empty();
    }
    ProfileFile.Aggregator files = ProfileFile.aggregator();
    if (hasConfig) {
      files.addFile(ProfileFile.builder().content(config.get()).type(ProfileFile.Type.CONFIGURATION).build());
    }
    if (hasCredentials) {
      files.addFile(ProfileFile.builder().content(credentials.get()).type(ProfileFile.Type.CREDENTIALS).build());
    }
    return Optional.of(files.build());
  }

  /** Where the files would be, for messages. */
  String profileFilesDescription() {
    return get(CONFIG_FILE).orElse("$HOME/.aws/config") + " and " + get(SHARED_CREDENTIALS_FILE)
        .orElse("$HOME/.aws/credentials");
  }

  @Override
  public String toString() {
    return "AwsEnvironment[" + variables.size() + " variables, values hidden]";
  }
}
