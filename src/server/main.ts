/**
 * Runs the server: load config (refusing unsafe production settings), migrate, listen, and shut down
 * gracefully on SIGTERM/SIGINT — fail readiness and keep serving for SHUTDOWN_DRAIN_MS (a load
 * balancer stops sending here, ADR 0045), then stop accepting, let in-flight requests finish, close
 * the database — within a deadline.
 */
import { flushCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

/** Connections the kernel may queue before the server accepts them (see `listen` below). */
const LISTEN_BACKLOG = 4096;

async function serve(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`IDEA Brand Coach cannot start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const app = await buildApp({ config });
  let shuttingDown = false;

  async function shutdown(signal: string): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    app.services.readiness.beginDrain();
    const drainMs = config.http.shutdownDrainMs;
    if (drainMs > 0) {
      app.log.info(
        { signal, drainMs },
        'shutting down: readiness fails, still serving while the load balancer moves away',
      );
      await new Promise((resolve) => setTimeout(resolve, drainMs));
    }
    app.log.info({ signal }, 'shutting down: draining in-flight requests');
    const deadline = setTimeout(() => {
      app.log.error({ timeoutMs: config.http.shutdownTimeoutMs }, 'shutdown deadline passed; exiting');
      process.exit(1);
    }, config.http.shutdownTimeoutMs);
    deadline.unref();
    try {
      await app.close();
      app.log.info('shutdown complete');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  }

  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    app.log.error({ err: reason }, 'unhandled promise rejection');
    app.services.errorReporter.captureException(reason, { source: 'unhandledRejection' });
  });

  // Node's default accept queue holds 511 connections. A burst of 1,000 new connections overflowed it
  // (the kernel's ListenOverflows counter), and each dropped SYN came back only after the 1 s
  // retransmit: the p99 tail of bench:load at 1,000 connections (ADR 0056). The kernel caps this at
  // net.core.somaxconn.
  await app.listen({ host: config.host, port: config.port, backlog: LISTEN_BACKLOG });
  app.log.info(
    { url: config.publicUrl.toString(), database: config.database.kind, mail: app.services.mailer.transport },
    'IDEA Brand Coach is running',
  );
  // Every module is loaded by now: write their compiled code to Node's compile cache at once rather
  // than at exit, so the next start needs no TypeScript stripping even after a crash (ADR 0057).
  flushCompileCache();
}

/** Runs the server until a signal stops it; a failure to start is printed and exits with 1. */
export function runServer(): Promise<void> {
  return serve().catch((error: unknown) => {
    console.error('IDEA Brand Coach failed to start:', error);
    process.exit(1);
  });
}

// Started as the entry point (`node src/server/main.ts`), it runs. `npm start` imports it and calls
// runServer; the container build imports it only to fill the compile cache. import.meta.main is
// Node 24's; the comparison covers Node 22.
const startedAsEntry = import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url);
if (startedAsEntry) void runServer();
