package policykg.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j 5 Community embedded with its Bolt connector on a loopback port: the same server the
 * docker-compose image runs, for tests and development on machines without Docker.
 *
 * <p>Usage: {@code Launcher --home DIR [--port P] [--tx-timeout SECONDS]}, password from
 * {@code NEO4J_PASSWORD} (default as in docker-compose.yml). Port 0 (the default) lets
 * the operating system choose a free port, which the launcher reads back from Neo4j. When the
 * server accepts connections the launcher writes {@code DIR/bolt.uri} (the file the start
 * script waits for) and prints the URI; SIGTERM shuts the database down cleanly.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path home = Path.of(require(opts, "--home")).toAbsolutePath();
    int port = Integer.parseInt(opts.getOrDefault("--port", "0"));
    // From the environment, not the command line, which any user of the machine can read.
    String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "policykg-dev");
    Duration txTimeout = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("--tx-timeout", "120")));
    Files.createDirectories(home);
    Path uriFile = home.resolve("bolt.uri");
    Files.deleteIfExists(uriFile);

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            // Auth as docker-compose.yml sets it (NEO4J_AUTH=neo4j/<password>).
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            // Nothing leaves the machine.
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            // A runaway query is stopped by the server itself, whatever the client does:
            // a time limit per transaction and a memory limit per transaction and in total.
            // One document is one transaction: a 1.2-million-character plan (21,500 measures,
            // each with its department and topics) needs about 260 MB of transaction state,
            // so a transaction may take 768 MB (of the 2 GB heap tools/neo4j-test-server gives).
            .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
            .setConfig(GraphDatabaseSettings.memory_transaction_max_size, 768L * 1024 * 1024)
            .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, 1024L * 1024 * 1024)
            // A small test server: little page cache, small transaction logs kept briefly.
            .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
            .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 16L * 1024 * 1024)
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            // `stop` is quick: idle Bolt connections are not awaited 5 s per connector.
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
            .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dbms.shutdown();
                  stopped.countDown();
                }));

    setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
    GraphDatabaseService neo4j = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    ConnectorPortRegister ports =
        ((GraphDatabaseAPI) neo4j).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    int boltPort = ports.getLocalAddress(ConnectorType.BOLT).getPort();
    String uri = "bolt://127.0.0.1:" + boltPort;
    // Written then moved, so that a reader never sees half a line.
    Path tmp = home.resolve("bolt.uri.tmp");
    Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, uriFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    System.out.println(uri);
    System.out.flush();
    stopped.await();
  }

  /** The neo4j user gets the compose password and no forced change at first login. */
  private static void setPassword(GraphDatabaseService system, String password) {
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    } catch (RuntimeException e) {
      // A restart on the same data: the password is already this one, which Neo4j refuses
      // to "change" to itself. Anything else is a real failure.
      if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
        throw e;
      }
    }
  }

  private static Map<String, String> parse(String[] args) throws IOException {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IOException("usage: Launcher --home DIR [--port P] [--tx-timeout S]");
      }
      opts.put(args[i], args[++i]);
    }
    return opts;
  }

  private static String require(Map<String, String> opts, String key) throws IOException {
    String value = opts.get(key);
    if (value == null) {
      throw new IOException("missing " + key);
    }
    return value;
  }
}
