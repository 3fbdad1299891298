package io.rolloutpilot.core.image.ecr;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.EncryptionType;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.NotFoundException;
import io.rolloutpilot.core.error.ServerReply;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RepositoryReady;

/** ECR does not create repositories on push: describe it first, create it only when asked. */
public final class RepositoryPreflight {
  private final EcrClient ecr;
  private final EngineListener listener;

  public RepositoryPreflight(EcrClient ecr, EngineListener listener) {
    this.ecr = ecr;
    this.listener = listener;
  }

  /** @param registryId the account, or null for the caller's own registry */
  public RepositoryInfo ensure(String registryId, String name, RepositoryRequest request) {
    try {
      Repository found = ecr.describeRepositories(r -> r.registryId(registryId).repositoryNames(name))
          .repositories().get(0);
      listener.on(new RepositoryReady(name, found.repositoryUri(), false));
      return info(found, false);
    } catch (RepositoryNotFoundException e) {
      if (!request.create()) {
        throw new NotFoundException(new Details(null, "RepositoryNotFoundException: ECR repository '" + name
            + "' does not exist" + (registryId == null ? "" : " in registry " + registryId),
            Hint.CREATE_REPOSITORY, new ServerReply(EcrErrors.SERVER, e.statusCode(), "RepositoryNotFoundException")),
            e);
      }
      return create(registryId, name, request);
    } catch (SdkException e) {
      throw EcrErrors.from("DescribeRepositories " + name, e, "ecr:DescribeRepositories");
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
      listener.on(new RepositoryReady(name, created.repositoryUri(), true));
      return info(created, true);
    } catch (RepositoryAlreadyExistsException e) {
      return ensure(registryId, name, RepositoryRequest.existingOnly()); // created meanwhile by someone else
    } catch (SdkException e) {
      throw EcrErrors.from("CreateRepository " + name, e, "ecr:CreateRepository");
    }
  }

  private static RepositoryInfo info(Repository repository, boolean created) {
    boolean immutable = repository.imageTagMutability() == ImageTagMutability.IMMUTABLE;
    boolean scan = repository.imageScanningConfiguration() != null
        && Boolean.TRUE.equals(repository.imageScanningConfiguration().scanOnPush());
    return new RepositoryInfo(repository.repositoryName(), repository.repositoryUri(), immutable, scan, created);
  }
}
