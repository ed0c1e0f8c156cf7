package org.zgcplan.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community in this JVM with Bolt on loopback, until stdin closes or the JVM is signalled.
 *
 * <p>Arguments: {@code <dataDir> <boltPort> <pageCacheBytes> <runawayGraceMs> <transactionMemoryBytes>} (0 for
 * a quarter of the heap). Prints one line {@code NEO4J_READY <port>}
 * on stdout once Bolt accepts connections. The parent process keeps our stdin open; when the parent
 * dies for any reason, even SIGKILL, the pipe closes and we shut down, so no JVM is left orphaned.
 */
public final class EmbeddedNeo4j {
  private EmbeddedNeo4j() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    if (args.length != 5) {
      System.err.println(
          "usage: EmbeddedNeo4j <dataDir> <boltPort> <pageCacheBytes> <runawayGraceMs> <transactionMemoryBytes>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long heap = Runtime.getRuntime().maxMemory();
    long transactionMemory = Long.parseLong(args[4]) > 0 ? Long.parseLong(args[4]) : heap / 4;

    SocketAddress bolt = new SocketAddress("127.0.0.1", port);
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, bolt)
            .setConfig(BoltConnector.advertised_address, bolt)
            // Without an import directory, LOAD CSV could read any file on the machine.
            .setConfig(GraphDatabaseSettings.allow_file_urls, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, Long.parseLong(args[2]))
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            // Neo4j marks a transaction past its timeout on this check (2 s by default); a tighter check
            // makes a timed-out query stop, and the watchdog's grace start, close to the limit.
            .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
            // One transaction may use a quarter of the heap (unless told), all of them half: a query that
            // collects too much fails alone, with a memory error, instead of starving every other query.
            .setConfig(GraphDatabaseSettings.memory_transaction_max_size, transactionMemory)
            .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, heap / 2)
            // A single instance needs no routing connector; it would otherwise take a second port.
            .setConfig(GraphDatabaseSettings.routing_enabled, false)
            // Netty waits this many quiet seconds per event loop group before Bolt closes (5 by default,
            // 10 s in all). The databases have stopped by then, so there is nothing left to wait for.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
    // Touch the default database so it is started before we report ready.
    GraphDatabaseAPI database = (GraphDatabaseAPI) dbms.database("neo4j");
    database.executeTransactionally("RETURN 1");
    RunawayQueryWatchdog.start(database, Long.parseLong(args[3]));
    System.out.println("NEO4J_READY " + port);
    System.out.flush();

    waitForStdinToClose();
    System.exit(0);
  }

  private static void waitForStdinToClose() {
    byte[] buffer = new byte[256];
    try (InputStream in = System.in) {
      while (in.read(buffer) != -1) {
        // Input is ignored; only end-of-stream matters.
      }
    } catch (IOException closed) {
      // A broken pipe means the parent is gone, which is the same signal as end-of-stream.
    }
  }
}
