package io.rolloutpilot.core.image.oci;

import java.io.IOException;

/** Hands out a connected {@link RegistryClient} per registry {@code host[:port]}. */
@FunctionalInterface
public interface RegistryClientProvider {
  RegistryClient client(String authority) throws IOException, InterruptedException;
}
