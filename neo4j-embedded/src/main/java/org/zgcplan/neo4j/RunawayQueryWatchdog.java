package org.zgcplan.neo4j;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.kernel.api.KernelTransactionHandle;
import org.neo4j.kernel.api.net.NetworkConnectionTracker;
import org.neo4j.kernel.api.net.TrackedNetworkConnection;
import org.neo4j.kernel.api.query.ExecutingQuery;
import org.neo4j.kernel.impl.api.KernelTransactions;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Stops queries that Neo4j has terminated (timed out, or TERMINATE TRANSACTIONS) but that keep a core
 * busy anyway.
 *
 * <p>Why it exists: Neo4j checks timeouts and terminations between operators and in cursor reads, never
 * inside one expression's loop. {@code reduce(s = '', x IN range(1, 50000000) | s + 'x')} or a nested
 * list comprehension over a collected list runs to its natural end, minutes or hours later, however it
 * is terminated; no setting of Neo4j 5.26 Community changes that (its slotted runtime evaluates
 * expressions with the interpreted expression classes, which have no termination checks).
 *
 * <p>What it does: every {@link #TICK_MS} ms it looks at the active transactions. One whose termination
 * mark is older than the grace period and whose executing thread is still evaluating a Cypher
 * expression is stopped with {@link Thread#stop()}, but only when every frame above the outermost
 * expression frame is pure value computation (Cypher expression classes, {@code org.neo4j.values},
 * Cypher's own collection utilities, the JDK, Scala collections): such a thread holds no lock, no page and no store cursor that a stop
 * could leave half-changed. Neo4j then ends the (read) transaction when the error unwinds. The client's
 * connection is closed on the next tick, since the Bolt state machine cannot answer for a stopped
 * thread. A thread in any other code is left alone: that code checks the termination mark itself.
 *
 * <p>{@link Thread#stop()} works up to Java 19; from Java 20 it throws, and the watchdog then reports
 * once that it cannot stop runaway queries on this JVM.
 */
final class RunawayQueryWatchdog implements Runnable {
  static final long TICK_MS = 250;

  private static final String EXPRESSIONS = "org.neo4j.cypher.internal.runtime.interpreted.commands.";
  private static final String[] PURE_COMPUTATION = {
    EXPRESSIONS,
    "org.neo4j.values.",
    "org.neo4j.cypher.operations.",
    "org.neo4j.cypher.internal.util.",
    "java.lang.",
    "java.util.",
    "jdk.internal.",
    "scala."
  };

  private final KernelTransactions transactions;
  private final NetworkConnectionTracker connections;
  private final long graceNanos;
  private final Field queryThreadId;
  /** Connections whose query thread was stopped, to close once the thread has left Cypher code. */
  private final Map<Long, String> stopped = new HashMap<>();
  private boolean stopUnsupportedReported;

  RunawayQueryWatchdog(GraphDatabaseAPI database, long graceMs) throws ReflectiveOperationException {
    this.transactions = database.getDependencyResolver().resolveDependency(KernelTransactions.class);
    this.connections = database.getDependencyResolver().resolveDependency(NetworkConnectionTracker.class);
    this.graceNanos = graceMs * 1_000_000;
    // ExecutingQuery knows its thread only through this private field; Neo4j has no public accessor.
    this.queryThreadId = ExecutingQuery.class.getDeclaredField("threadExecutingTheQueryId");
    this.queryThreadId.setAccessible(true);
  }

  /** Starts the watchdog on a daemon thread. */
  static void start(GraphDatabaseAPI database, long graceMs) throws ReflectiveOperationException {
    Thread thread = new Thread(new RunawayQueryWatchdog(database, graceMs), "runaway-query-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    while (true) {
      try {
        Thread.sleep(TICK_MS);
        tick();
      } catch (InterruptedException stop) {
        return;
      } catch (RuntimeException | ReflectiveOperationException error) {
        // One bad tick must not end the watchdog; the next tick looks again.
        report("error " + error);
      }
    }
  }

  private void tick() throws ReflectiveOperationException {
    long now = System.nanoTime();
    Set<Long> stillActive = new HashSet<>();
    for (KernelTransactionHandle handle : transactions.activeTransactions()) {
      long transaction = handle.getTransactionSequenceNumber();
      stillActive.add(transaction);
      var mark = handle.terminationMark();
      if (mark.isEmpty() || now - mark.get().getTimestampNanos() < graceNanos) continue;
      Optional<ExecutingQuery> query = handle.executingQuery();
      if (query.isEmpty()) continue;
      Thread thread = threadById((Long) queryThreadId.get(query.get()));
      if (thread == null) continue;
      if (stopped.containsKey(transaction)) {
        if (!inCypher(thread.getStackTrace())) closeConnection(transaction);
        continue;
      }
      // Read the stack as late as possible: the thread runs on between this look and the stop. It is
      // spinning in an expression loop by then, so the window in which it could step elsewhere is small.
      if (!safeToStop(thread.getStackTrace()) || !stopThread(thread)) continue;
      stopped.put(transaction, handle.clientInfo().map(info -> info.connectionId()).orElse(null));
      report(
          "stopped a runaway query in transaction "
              + transaction
              + ", terminated "
              + (now - mark.get().getTimestampNanos()) / 1_000_000
              + " ms earlier ("
              + mark.get().getReason().code().serialize()
              + ")");
    }
    // A stopped transaction that has ended needs its connection closed all the same.
    for (Long transaction : new HashSet<>(stopped.keySet())) {
      if (!stillActive.contains(transaction)) closeConnection(transaction);
    }
  }

  /** The live thread with this id; only looked for once a transaction is a candidate, which is rare. */
  private static Thread threadById(long id) {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getId() == id) return thread;
    }
    return null;
  }

  private void closeConnection(long transaction) {
    String connectionId = stopped.remove(transaction);
    if (connectionId == null) return;
    TrackedNetworkConnection connection = connections.get(connectionId);
    if (connection != null) connection.close();
  }

  @SuppressWarnings("removal")
  private boolean stopThread(Thread thread) {
    try {
      thread.stop();
      return true;
    } catch (UnsupportedOperationException unsupported) {
      if (!stopUnsupportedReported) {
        stopUnsupportedReported = true;
        report("cannot stop runaway queries on Java " + Runtime.version().feature() + " (Java 17 to 19 can)");
      }
      return false;
    }
  }

  private static boolean inCypher(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith("org.neo4j.cypher.internal.runtime")) return true;
    }
    return false;
  }

  /** True when the thread is inside a Cypher expression and nothing above that is more than computation. */
  static boolean safeToStop(StackTraceElement[] stack) {
    int outermostExpression = -1;
    for (int i = 0; i < stack.length; i++) {
      if (stack[i].getClassName().startsWith(EXPRESSIONS + "expressions.")) outermostExpression = i;
    }
    if (outermostExpression < 0) return false;
    for (int i = 0; i <= outermostExpression; i++) {
      if (!isPureComputation(stack[i].getClassName())) return false;
    }
    return true;
  }

  private static boolean isPureComputation(String className) {
    // Locks and queues live in java.util.concurrent: a frame there is never pure computation.
    if (className.startsWith("java.util.concurrent.")) return false;
    for (String prefix : PURE_COMPUTATION) {
      if (className.startsWith(prefix)) return true;
    }
    return false;
  }

  private static void report(String message) {
    // One line per event on stdout, read by the Node process that started us and passed to its log.
    System.out.println("NEO4J_WATCHDOG " + message);
    System.out.flush();
  }
}
