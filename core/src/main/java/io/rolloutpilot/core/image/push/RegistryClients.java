package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryClient;
import io.rolloutpilot.core.image.oci.RegistryClientProvider;
import io.rolloutpilot.core.image.oci.RegistryConnector;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** One connected client per registry for the length of one push (source and destination may share one). */
final class RegistryClients implements RegistryClientProvider {
  private final RegistryConnector connector;
  private final CredentialsResolver credentials;
  private final Map<String, RegistryClient> clients = new HashMap<>();

  RegistryClients(RegistryConnector connector, CredentialsResolver credentials) {
    this.connector = connector;
    this.credentials = credentials;
  }

  @Override
  public synchronized RegistryClient client(String authority) throws IOException, InterruptedException {
    RegistryClient client = clients.get(authority);
    if (client == null) {
      client = connector.connect(authority, credentials.forRegistry(authority));
      clients.put(authority, client);
    }
    return client;
  }
}
