package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.image.push.PushEvent;
import io.rolloutpilot.core.image.push.PushListener;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.EncryptionType;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** ECR does not create repositories on push: describe it first, create it only when asked. */
public final class RepositoryPreflight {
  private final EcrClient ecr;
  private final PushListener listener;

  public RepositoryPreflight(EcrClient ecr, PushListener listener) {
    this.ecr = ecr;
    this.listener = listener;
  }

  /** @param registryId the account, or null for the caller's own registry */
  public RepositoryInfo ensure(String registryId, String name, RepositoryRequest request) {
    try {
      Repository found = ecr.describeRepositories(r -> r.registryId(registryId).repositoryNames(name))
          .repositories().get(0);
      listener.onEvent(PushEvent.of(PushEvent.Kind.REPOSITORY_READY, name, found.repositoryUri()));
      return info(found, false);
    } catch (RepositoryNotFoundException e) {
      if (!request.create()) {
        throw new EcrException(e.statusCode(), "RepositoryNotFoundException", "RepositoryNotFoundException: ECR"
            + " repository '" + name + "' does not exist" + (registryId == null ? "" : " in registry " + registryId),
            "create it (e.g. with Terraform) or pass --create-repository");
      }
      return create(registryId, name, request);
    } catch (SdkException e) {
      throw EcrException.from("DescribeRepositories " + name, e, "the credentials need ecr:DescribeRepositories");
    }
  }

  private RepositoryInfo create(String registryId, String name, RepositoryRequest request) {
    CreateRepositoryRequest.Builder create = CreateRepositoryRequest.builder().registryId(registryId)
        .repositoryName(name)
        .imageTagMutability(request.immutableTags() ? ImageTagMutability.IMMUTABLE : ImageTagMutability.MUTABLE)
        .imageScanningConfiguration(s -> s.scanOnPush(request.scanOnPush()))
        .encryptionConfiguration(e -> e.encryptionType(EncryptionType.fromValue(request.encryption()))
            .kmsKey(request.kmsKey()));
    try {
      Repository created = ecr.createRepository(create.build()).repository();
      listener.onEvent(PushEvent.of(PushEvent.Kind.REPOSITORY_CREATED, name, created.repositoryUri()));
      return info(created, true);
    } catch (RepositoryAlreadyExistsException e) {
      return ensure(registryId, name, RepositoryRequest.existingOnly()); // created meanwhile by someone else
    } catch (SdkException e) {
      throw EcrException.from("CreateRepository " + name, e, "the credentials need ecr:CreateRepository");
    }
  }

  private static RepositoryInfo info(Repository repository, boolean created) {
    boolean immutable = repository.imageTagMutability() == ImageTagMutability.IMMUTABLE;
    boolean scan = repository.imageScanningConfiguration() != null
        && Boolean.TRUE.equals(repository.imageScanningConfiguration().scanOnPush());
    return new RepositoryInfo(repository.repositoryName(), repository.repositoryUri(), immutable, scan, created);
  }
}
