import { DBOS } from '@dbos-inc/dbos-sdk';
import { DBOSExecutor } from '@dbos-inc/dbos-sdk/internal/dbos-executor';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { launchInTurn } from './launch-in-turn.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { dbosLogger } from './dbos-logger.js';
import { dbosSchema, observeEngine } from './engine-metrics.js';
import { beat, markStopped, registerInstance } from './heartbeat.js';
import { recoverDeadInstances } from './recovery.js';
import { tracingOn } from '../telemetry/spans.js';

/** The DBOS application name: scopes our workflows and queues in the system tables. */
const applicationName = 'switchboard';
/** DBOS's own pool on the same server; it takes half for polling waits (recv, getResult). */
const systemPoolSize = 6;

export interface EngineOptions {
  /** The app's database (the same server DBOS uses): heartbeats, recovery claims, effects, metrics. */
  db: Database;
  /** The same database's URL: DBOS opens its own pool on it and keeps its tables in schema `dbos`. */
  url: string;
  executorId: string;
  heartbeatMs: number;
  deadAfterMs: number;
  version: string;
  /**
   * How long `shutdown` waits for the workflows running here to finish (a share of
   * SHUTDOWN_TIMEOUT_MS). What is still running then is left PENDING for another instance.
   */
  drainMs: number;
  /** How long `launch` waits for another instance launching at the same time; 5 minutes unless set. */
  launchWaitMs?: number;
  logger: Logger;
  metrics: Metrics;
}

/** Set while an app of this process holds DBOS, a process-wide singleton. */
let holder: string | undefined;

/**
 * The system database URL with DBOS's idle-in-transaction timeout (60 s, its default) in the connection's startup
 * options. Set there, DBOS does not send it as a query of its own beside the borrower's first one, which pg
 * deprecates (a warning at every start).
 */
export function withIdleTransactionTimeout(url: string): string {
  const setting = '-c idle_in_transaction_session_timeout=60000';
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  if (options?.includes('idle_in_transaction_session_timeout')) return url;
  parsed.searchParams.set('options', options ? `${options} ${setting}` : setting);
  return parsed.toString();
}

/**
 * The durable engine: DBOS Transact on the app's Postgres. Created before the modules, so they can
 * register their workflows and steps with DBOS's own API (`DBOS.registerWorkflow`,
 * `DBOS.registerStep`) while the app is built; `launch` runs once they all have (DBOS refuses a
 * registration after launch), then the `onLaunch` hooks (queues). One app per process holds it at a
 * time: `shutdown` lets the next.
 */
export function createEngine(options: EngineOptions) {
  const { db, url, executorId, heartbeatMs, deadAfterMs, version, drainMs, logger, metrics } = options;
  const launchWaitMs = options.launchWaitMs ?? 300_000;
  if (holder !== undefined || DBOS.isInitialized())
    throw new Error(
      `The durable engine (DBOS) runs once per process and executor ${holder ?? DBOS.executorID} holds it: close that app first`,
    );
  holder = executorId;
  DBOS.setConfig({
    name: applicationName,
    systemDatabaseUrl: withIdleTransactionTimeout(url),
    systemDatabaseSchemaName: dbosSchema,
    systemDatabasePoolSize: systemPoolSize,
    executorID: executorId,
    logger: dbosLogger(logger),
    // DBOS's workflow and step spans go to our tracer provider when tracing is on (ours exports
    // them: DBOS's own OTLP export stays off), named by OpenTelemetry's conventions.
    tracingEnabled: tracingOn(),
    enableOTLP: false,
    otelAttributeFormat: 'semconv',
  });
  const engineLog = logger.child({ component: 'engine' });
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let figures: ReturnType<typeof observeEngine> | undefined;
  let launched = false;
  const launchHooks: (() => Promise<void>)[] = [];

  /** One heartbeat, then one recovery pass; never two at once (the timer skips while one runs). */
  const tick = async () => {
    if (!(await beat({ db, executorId, version }))) {
      figures?.takenForDead.inc();
      engineLog.warn(
        { executorId },
        'this instance was taken for dead: its workflows were recovered elsewhere',
      );
    }
    const recovered = await recoverDeadInstances({
      db,
      executorId,
      deadAfterMs,
      recover: async (dead) => {
        // The call DBOS's own recovery endpoint made (the admin server is gone in v5): not on the
        // DBOS class, so it is reached through the executor the package exports as internal.
        const executor = DBOSExecutor.globalInstance;
        if (!executor) return [];
        const handles = await executor.recoverPendingWorkflows([dead]);
        return handles.map((handle) => handle.workflowID);
      },
      hasPending: async (dead) =>
        (await DBOS.listWorkflows({ status: 'PENDING', executorId: dead, limit: 1, loadInput: false }))
          .length > 0,
    });
    for (const { executorId: dead, workflowIds } of recovered) {
      figures?.recovered.inc(workflowIds.length);
      engineLog.info(
        { dead, workflows: workflowIds.length },
        'recovered the pending workflows of a dead instance',
      );
    }
  };

  return {
    executorId,

    /**
     * Runs `hook` right after DBOS launches: what DBOS accepts only once launched, such as
     * `DBOS.registerQueue` (queues live in the database) and `DBOS.applySchedules`.
     */
    onLaunch(hook: () => Promise<void>): void {
      if (launched) throw new Error('onLaunch is for the modules being built: the engine has launched');
      launchHooks.push(hook);
    },

    /** Writes the heartbeat, launches DBOS (which recovers this executor's own pending work), starts the beat. */
    async launch(): Promise<void> {
      const startedAt = Date.now();
      // The database's clock, not ours: DBOS stamps completed_at with it, and the metrics count from here.
      const since = await databaseNowMs(db);
      await registerInstance({ db, executorId, version, deadAfterMs, logger: engineLog });
      await launchInTurn({ url, launch: () => DBOS.launch(), logger: engineLog, waitAtMostMs: launchWaitMs });
      launched = true;
      for (const hook of launchHooks) await hook();
      figures = observeEngine({ metrics, db, executorId, deadAfterMs, since, logger });
      timer = setInterval(() => {
        pass ??= tick()
          .catch((error) => engineLog.warn({ err: error }, 'engine heartbeat failed'))
          .finally(() => (pass = undefined));
      }, heartbeatMs).unref();
      engineLog.info({ executorId, ms: Date.now() - startedAt }, 'durable engine launched');
    },

    /**
     * Stops the beat, then DBOS: it takes no new work, waits up to `drainMs` for the workflows
     * running here, closes its pool and clears its registry for the next app of this process. Only
     * then is the instance marked stopped, so the others recover at once what it left pending: the
     * workflows that outlasted the drain, from their last completed step (the step cut short runs
     * again elsewhere, which its effect key makes harmless).
     */
    async shutdown(): Promise<void> {
      clearInterval(timer);
      await pass;
      try {
        await DBOS.shutdown({ deregister: true, workflowCompletionTimeoutMS: drainMs });
        if (launched) {
          const left = await pendingHere(db, executorId);
          await markStopped({ db, executorId });
          if (left > 0)
            engineLog.warn(
              { executorId, workflows: left, drain_ms: drainMs },
              'workflows still running at shutdown were left pending: another instance resumes them from their last completed step',
            );
        }
      } finally {
        launched = false;
        holder = undefined;
      }
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;

/** Epoch ms by the database's clock, whole as DBOS's completed_at (a bigint compared with it). */
async function databaseNowMs(db: Database): Promise<number> {
  const result = await db.execute(sql`select floor(extract(epoch from now()) * 1000)::bigint as ms`);
  return Number((result as unknown as { rows: { ms: string }[] }).rows[0]?.ms);
}

/** Workflows DBOS still has PENDING on this executor: left behind by a shutdown whose drain ran out. */
async function pendingHere(db: Database, executorId: string): Promise<number> {
  const result =
    await db.execute(sql`select count(*)::int as count from ${sql.identifier(dbosSchema)}.workflow_status
    where status = 'PENDING' and executor_id = ${executorId}`);
  return (result as unknown as { rows: { count: number }[] }).rows[0]?.count ?? 0;
}
