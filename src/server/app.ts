/**
 * Builds the Fastify application from its dependencies. Tests call `buildApp` directly (with their
 * own database and mail transport); `main.ts` calls it with the process configuration and listens.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import underPressure from '@fastify/under-pressure';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { createCoachBrandReads } from './ai/brand-reads.ts';
import { answerCacheRetentionRule } from './ai/cache.ts';
import { embeddingCacheRetentionRule } from './ai/embeddings.ts';
import { type AiEngine, createAiEngine } from './ai/engine.ts';
import { knowledgeContextSource } from './ai/knowledge-context.ts';
import { seedDefaultPrompts } from './ai/prompts.ts';
import type { AiProvider } from './ai/provider.ts';
import type { AppConfig } from './config.ts';
import { type Database, logSlowQueries, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { accountLifecycleAdminRoutes } from './features/account-lifecycle/admin-routes.ts';
import { accountLifecycleRoutes } from './features/account-lifecycle/routes.ts';
import {
  type AccountLifecycleService,
  createAccountLifecycleService,
} from './features/account-lifecycle/service.ts';
import { createAiAdminService } from './features/admin/ai-admin.ts';
import { aiAdminRoutes } from './features/admin/ai-admin-routes.ts';
import { adminUsersRoutes } from './features/admin-users/routes.ts';
import { createAdminUsersService } from './features/admin-users/service.ts';
import { auditLogRoutes } from './features/audit-log/routes.ts';
import { type AuditLog, createAuditLog } from './features/audit-log/service.ts';
import { registerAuthMailJobs } from './features/auth/mail-jobs.ts';
import { authRoutes } from './features/auth/routes.ts';
import { type AuthService, createAuthService } from './features/auth/service.ts';
import { avatarRoutes } from './features/avatars/routes.ts';
import { avatarPdfDocuments, createAvatarService } from './features/avatars/service.ts';
import { createJourneyReader } from './features/beta/journey.ts';
import { betaRoutes } from './features/beta/routes.ts';
import { createBetaService } from './features/beta/service.ts';
import { memoryContextSource } from './features/brand-memory/coach-context.ts';
import { brandMemoryRoutes } from './features/brand-memory/routes.ts';
import { createBrandMemoryService } from './features/brand-memory/service.ts';
import { canvasRoutes } from './features/canvas/routes.ts';
import { canvasPdfDocuments, createCanvasService } from './features/canvas/service.ts';
import { createChatService } from './features/coach/chat.ts';
import { chatProposalRoutes } from './features/coach/chat-proposal-routes.ts';
import { createChatProposalService } from './features/coach/chat-proposals.ts';
import { chatRoutes } from './features/coach/chat-routes.ts';
import { aiTaskRoutes } from './features/coach/task-routes.ts';
import { createDashboardQueries } from './features/dashboard/queries.ts';
import { dashboardRoutes } from './features/dashboard/routes.ts';
import { createDashboardService } from './features/dashboard/service.ts';
import { diagnosticContextSource } from './features/diagnostic/coach-context.ts';
import { diagnosticReportDocuments } from './features/diagnostic/export-documents.ts';
import { diagnosticRetentionRules } from './features/diagnostic/retention.ts';
import { anonymousTokenOf, clearAnonymousCookie, diagnosticRoutes } from './features/diagnostic/routes.ts';
import { createDiagnosticService, type DiagnosticService } from './features/diagnostic/service.ts';
import { createExtractionPool } from './features/documents/extraction-pool.ts';
import { registerDocumentJobs } from './features/documents/job.ts';
import { documentRoutes } from './features/documents/routes.ts';
import { createDocumentService } from './features/documents/service.ts';
import { emailConsentRoutes } from './features/email-consent/routes.ts';
import { createEmailConsentService, registerTipJob } from './features/email-consent/service.ts';
import { createUnsubscribeTokens } from './features/email-consent/tokens.ts';
import { feedbackRoutes } from './features/feedback/routes.ts';
import { createFeedbackService } from './features/feedback/service.ts';
import { ideaRoutes } from './features/idea/routes.ts';
import { createIdeaService } from './features/idea/service.ts';
import { knowledgeRoutes } from './features/knowledge/routes.ts';
import { createKnowledgeSearchService } from './features/knowledge/service.ts';
import { leadsAdminRoutes } from './features/leads/routes.ts';
import { createLeadsService } from './features/leads/service.ts';
import { legalRoutes } from './features/legal/routes.ts';
import { createLegalService } from './features/legal/service.ts';
import { researchIntentRoutes } from './features/research-intent/routes.ts';
import { createResearchIntentService } from './features/research-intent/service.ts';
import { reviewResearchRoutes } from './features/research-reviews/routes.ts';
import { createReviewResearchService } from './features/research-reviews/service.ts';
import { settingsRoutes } from './features/settings/routes.ts';
import { createSettingsService } from './features/settings/service.ts';
import { registerSurveyDigest } from './features/surveys/digest.ts';
import { surveyRoutes } from './features/surveys/routes.ts';
import { createSurveyService } from './features/surveys/service.ts';
import { systemRoutes } from './features/system/routes.ts';
import {
  createServerErrorLog,
  SERVER_ERROR_RETENTION_DAYS,
  serverErrorRetentionRule,
} from './features/system/server-errors.ts';
import { createSystemService } from './features/system/service.ts';
import { valueLensRoutes } from './features/value-lens/routes.ts';
import { createValueLensService } from './features/value-lens/service.ts';
import { workspaceContextSource } from './features/workspace/coach-context.ts';
import { workspaceRoutes } from './features/workspace/routes.ts';
import { registerDailyBackup } from './jobs/backup.ts';
import { registerProductJobs } from './jobs/index.ts';
import { registerKnowledgeBackfill } from './jobs/knowledge-backfill.ts';
import { registerKnowledgeEmbeddings } from './jobs/knowledge-embeddings.ts';
import { createJobQueue, type JobQueue } from './jobs/queue.ts';
import { createRetention } from './jobs/retention.ts';
import { runBackup } from './operations/backups/backup.ts';
import { registerAdmission } from './platform/admission.ts';
import { auditLogRetentionRule } from './platform/audit-log.ts';
import { createAuth, sessionUpdateAgeSeconds } from './platform/auth/better-auth.ts';
import { createSessionActivity } from './platform/auth/session-activity.ts';
import { createSessionCache } from './platform/auth/session-cache.ts';
import { createSessionRecheck, createSessionResolver } from './platform/auth/sessions.ts';
import { registerAuthGuard } from './platform/auth-guard.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { createDataLifecycle, type DataLifecycle } from './platform/data-lifecycle/registry.ts';
import { createErrorReporter, type ErrorReporter } from './platform/error-reporting.ts';
import { registerErrorHandling } from './platform/errors.ts';
import { createReadiness, healthRoutes, type Readiness } from './platform/health.ts';
import { registerInputGuard } from './platform/input-guard.ts';
import { createKnowledgeBackfill } from './platform/knowledge/backfill.ts';
import { createKnowledgeIndex, type KnowledgeIndex } from './platform/knowledge/index.ts';
import { setUpKnowledgeVectors } from './platform/knowledge/vectors.ts';
import { loggerOptions, OneLineRequestLog, requestIdFor } from './platform/logging.ts';
import { createMailer, type Mailer } from './platform/mailer.ts';
import {
  createMetrics,
  lastSuccessfulBackupAt,
  type Metrics,
  registerHttpMetrics,
  registerMetricsRoute,
} from './platform/metrics.ts';
import { createProofOfWork } from './platform/proof-of-work.ts';
import { type RouteLimit, type RouteLimits, registerRouteLimits, TIER } from './platform/route-limits.ts';
import { registerSecurity } from './platform/security.ts';
import { createThrottle } from './platform/throttle.ts';
import { registerWeb } from './platform/web.ts';
import { createWorkspaceStore, type WorkspaceStore } from './platform/workspace-store.ts';

export interface AppDeps {
  config: AppConfig;
  /** An already-open database; when omitted the app opens (and later closes) the configured one. */
  database?: Database;
  /** Where log lines go; defaults to stdout. */
  logStream?: DestinationStream;
  /** Event-loop sampling for load shedding, in ms; tests shorten it. */
  pressureSampleIntervalMs?: number;
  /** Replaces the configured AI provider (null forces the offline coach); tests use it. */
  aiProvider?: AiProvider | null;
  /** The time jobs, retention and account deletion go by; tests pass a clock they can advance. */
  clock?: Clock;
}

export interface AppServices {
  database: Database;
  mailer: Mailer;
  auth: AuthService;
  diagnostic: DiagnosticService;
  ai: AiEngine;
  /** Brands and workspace items; features check ownership through it. */
  workspace: WorkspaceStore;
  /** What features registered for the account export and the retention job. */
  lifecycle: DataLifecycle;
  /** Prometheus registry and recording API (e.g. `recordJobRun` for the scheduler). */
  metrics: Metrics;
  /** Sentry when SENTRY_DSN is set; otherwise a reporter that sends nothing. */
  errorReporter: ErrorReporter;
  /** The job queue and scheduler (tick, enqueue, recent runs and failures for the System page). */
  jobs: JobQueue;
  /** Account export and deletion. */
  accountLifecycle: AccountLifecycleService;
  /**
   * The brand knowledge index (ADR 0033): every source replaces its passages through it in the
   * transaction of its change; the search box and the coach's retrieval read it.
   */
  knowledge: KnowledgeIndex;
  /** /readyz's drain switch: a shutdown fails readiness before it stops listening (ADR 0045). */
  readiness: Readiness;
  /** Every admin action, recorded by the feature that performs it (ADR 0052). */
  auditLog: AuditLog;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** The limit tier the route declares (`config: TIER.…`); the route-table test requires one. */
  limit: RouteLimit | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
    /** Every route as registered (method × url); the default-deny test and ops tooling walk it. */
    routeTable: RegisteredRoute[];
    /** The route tiers' shared counters (ADR 0049); tests sync them on demand. */
    routeLimits: RouteLimits;
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config, deps.logStream),
    genReqId: requestIdFor,
    requestIdHeader: false,
    logController: new OneLineRequestLog({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Requests already received when shutdown starts are served, not refused: "in-flight requests
    // complete". New connections are no longer accepted, and responses close their connection.
    return503OnClosing: false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routeTable.push({ method, url: route.url, limit: route.config?.limit });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const errorReporter = await createErrorReporter(config.observability.sentry, app.log);
  const serverErrorLog = createServerErrorLog();
  registerErrorHandling(app, errorReporter, serverErrorLog);
  const metrics = createMetrics();
  registerHttpMetrics(app, metrics);

  // Graceful shutdown. During shutdown, responses close their keep-alive connection (an idle
  // keep-alive socket would otherwise hold the server open until the deadline), and the database is
  // closed only once every running handler has produced its response — even handlers whose client
  // already hung up, which the HTTP server no longer counts.
  let closing = false;
  // Requests counted in and not yet out. A request leaves when its response is produced (onSend),
  // or when its client hangs up before its handler started: Fastify then ends its lifecycle
  // without onSend (e.g. mid-body or in the session guard), and waiting would only hit the deadline.
  // A handler that has started is waited for even if its client hangs up (it still ends in onSend).
  const running = new Set<FastifyRequest>();
  const inHandler = new WeakSet<FastifyRequest>();
  // The hooks below do only synchronous work: callback style spares each request a promise and a
  // microtask per hook.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    running.add(request);
    done();
  });
  app.addHook('preHandler', (request, _reply, done) => {
    inHandler.add(request);
    done();
  });
  app.addHook('onSend', (request, reply, _payload, done) => {
    running.delete(request);
    if (closing) reply.header('connection', 'close');
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    running.delete(request);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    if (!inHandler.has(request)) running.delete(request);
    done();
  });
  app.addHook('preClose', async () => {
    closing = true;
  });
  async function drainHandlers(): Promise<void> {
    const deadline = Date.now() + config.http.shutdownTimeoutMs;
    while (running.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  const ownsDatabase = !deps.database;
  const database = deps.database ?? (await openDatabase(config.database));
  metrics.observeDatabase(database);
  serverErrorLog.attach(database, app.log);
  metrics.observeBackups(() => lastSuccessfulBackupAt(database));
  const stopSlowQueryLog = logSlowQueries(database, {
    thresholdMs: config.observability.slowQueryMs,
    log: app.log,
    onSlow: () => metrics.recordSlowQuery(),
  });
  // PostgreSQL stopping or restarting ends every pooled connection; one warn line each, not a crash.
  const stopConnectionLog = database.onConnectionLost((error) => {
    app.log.warn({ err: error }, 'database connection lost; the pool will open a new one when needed');
  });
  app.addHook('onClose', async () => {
    // Stop taking jobs first; a run in progress finishes before the database closes.
    await jobs.stop();
    await drainHandlers();
    mailer.close();
    stopSlowQueryLog();
    stopConnectionLog();
    await errorReporter.close();
    if (ownsDatabase) await database.close();
  });
  await runMigrations(database, config.database.kind === 'postgres' ? config.database.url : undefined);

  const mailer = createMailer(config.mail, database, app.log);
  const clock = deps.clock ?? systemClock;
  const jobs = createJobQueue({
    database,
    clock,
    log: app.log,
    pollIntervalMs: config.jobs.pollIntervalMs,
    onRun: (name, outcome, seconds) =>
      metrics.recordJobRun(name, outcome === 'succeeded' ? 'success' : 'failure', seconds),
  });
  const lifecycle = createDataLifecycle();
  registerProductJobs(jobs, {
    mailer,
    retention: createRetention({ database, clock, config: config.retention, log: app.log, lifecycle }),
  });
  // The daily backup runs where jobs run, and only for a database that outlives the process; tests
  // (jobs off, in-memory PGlite) tick the queue without writing backup files.
  const durable = config.database.kind === 'postgres' || !config.database.dataDir.startsWith('memory://');
  if (config.jobs.enabled && durable) {
    registerDailyBackup(jobs, () =>
      runBackup({ config, database, trigger: 'job', logger: app.log, now: () => clock.now() }),
    );
  }
  if (config.jobs.enabled) app.addHook('onReady', async () => jobs.start());
  const throttle = createThrottle(database);
  // One audit log for every admin action; features that act as an admin get it passed in.
  const auditLog = createAuditLog({ database, clock });
  const sessionCache = createSessionCache({ clock });
  const auth = createAuth({ config, database, mailer, log: app.log, sessionCache });
  const resolveSession = createSessionResolver(auth, {
    recordUse: createSessionActivity({ database, clock }),
    cache: sessionCache,
    recheck: { read: createSessionRecheck(database), clock },
    expiresInSeconds: config.auth.sessionTtlSeconds,
    updateAgeSeconds: sessionUpdateAgeSeconds(config.auth.sessionTtlSeconds),
  });
  registerAuthMailJobs(jobs, { auth, database, mailer, config });
  registerSurveyDigest(jobs, { database, mailer, config });
  const settingsService = createSettingsService({ auth, database, throttle, mailer, config, log: app.log });
  const authService = createAuthService({
    auth,
    database,
    throttle,
    config,
    jobs,
    clock,
    // A verified change of address: consent records follow the person, the old address is told.
    // (Called only on requests, long after `emailConsent` below exists.)
    onEmailChanged: async (change) => {
      await emailConsent.moveToAddress(change);
      await settingsService.emailChanged(change);
    },
  });
  const proofOfWork = createProofOfWork({
    secret: config.auth.secret,
    cost: config.diagnostic.altchaCost,
    maxCounter: config.diagnostic.altchaMaxCounter,
    database,
  });
  const ai = createAiEngine({
    database,
    mailer,
    // The engine checks brands only when answering, long after the store below exists.
    brands: { requireBrand: (userId, brandId) => workspace.requireBrand(userId, brandId) },
    config,
    log: app.log,
    metrics,
    clock,
    ...(deps.aiProvider !== undefined ? { provider: deps.aiProvider } : {}),
  });
  app.addHook('onClose', () => ai.close());
  // Vector search joins full-text where an embedding model and the `vector` extension exist (ADR 0036).
  const knowledgeSearch = await setUpKnowledgeVectors({
    database,
    embedder: ai.embeddings.model ? ai.embeddings : null,
    minSimilarity: config.ai.embedding?.minSimilarity ?? 1,
  });
  const embeddingJob = knowledgeSearch.vectors
    ? registerKnowledgeEmbeddings(jobs, { vectors: knowledgeSearch.vectors, log: app.log })
    : null;
  if (embeddingJob) app.addHook('onClose', () => embeddingJob.close());
  // One index for every source; the workspace store and the diagnostic keep it current as they save.
  const knowledge = createKnowledgeIndex(database, {
    vectors: knowledgeSearch.vectors,
    ...(embeddingJob ? { onPassagesAdded: embeddingJob.request } : {}),
  });
  await registerKnowledgeBackfill(jobs, {
    backfill: createKnowledgeBackfill({ database, knowledge }),
    log: app.log,
  });
  const workspace = createWorkspaceStore({ database, knowledge });
  const emailConsent = createEmailConsentService({
    database,
    jobs,
    mailer,
    clock,
    tokens: createUnsubscribeTokens(config.auth.secret),
    config,
  });
  registerTipJob(jobs, emailConsent);
  const diagnosticService = createDiagnosticService({
    database,
    throttle,
    mailer,
    proofOfWork,
    config,
    brands: workspace,
    knowledge,
    leadConsent: emailConsent,
  });
  const accountLifecycle = createAccountLifecycleService({
    database,
    auth,
    throttle,
    mailer,
    clock,
    config,
    log: app.log,
    sessionCache,
    lifecycle,
    auditLog,
  });
  const extraction = createExtractionPool({ timeoutMs: config.documents.extractionTimeoutMs });
  app.addHook('onClose', () => extraction.close());
  const documentService = createDocumentService({
    database,
    knowledge,
    brands: workspace,
    jobs,
    throttle,
    clock,
    config: config.documents,
    extraction,
    log: app.log,
  });
  registerDocumentJobs(jobs, {
    documents: documentService,
    extractionTimeoutMs: config.documents.extractionTimeoutMs,
  });
  const canvasService = createCanvasService({ workspace });
  const brandMemory = createBrandMemoryService({ database, brands: workspace, knowledge });
  const avatarService = createAvatarService({ workspace });
  const ideaService = createIdeaService({ database, workspace, throttle, mailer, config });
  const surveyService = createSurveyService({
    database,
    brands: workspace,
    throttle,
    proofOfWork,
    clock,
    config,
    knowledge,
  });
  const feedbackService = createFeedbackService({
    database,
    throttle,
    proofOfWork,
    mailer,
    clock,
    config,
    audit: auditLog,
  });
  const promptDefaults = await seedDefaultPrompts(database);
  if (promptDefaults.published.length > 0 || promptDefaults.drafted.length > 0) {
    app.log.info(promptDefaults, 'AI prompt defaults updated: new defaults published or saved as drafts');
  }

  // What each feature contributes to the coach's context, the account export and data retention.
  // The workspace, the diagnostic and memory sources share one read of the brand (ADR 0055).
  const coachBrandReads = createCoachBrandReads(database);
  ai.registerContextSource(
    'workspace',
    workspaceContextSource(async (request) => (await coachBrandReads(request)).workspace),
  );
  ai.registerContextSource(
    'diagnostic',
    diagnosticContextSource(diagnosticService, async (request) => {
      const { latestDiagnostic } = await coachBrandReads(request);
      return latestDiagnostic ? diagnosticService.fromRow(latestDiagnostic) : null;
    }),
  );
  ai.registerContextSource(
    'memory',
    memoryContextSource(async (request) => (await coachBrandReads(request)).memoryFacts),
  );
  ai.registerContextSource('knowledge', knowledgeContextSource(knowledge));
  lifecycle.registerExportDocuments(diagnosticReportDocuments(database, diagnosticService));
  lifecycle.registerExportDocuments(canvasPdfDocuments(workspace, canvasService));
  lifecycle.registerExportDocuments(avatarPdfDocuments(workspace, avatarService));
  lifecycle.registerExportDocuments(ideaService.exportDocuments());
  lifecycle.registerExportDocuments(documentService.exportSource());
  lifecycle.registerExportDocuments(surveyService.exportDocuments());
  lifecycle.excludeFromExport({
    table: 'document_files',
    reason: 'the uploaded files are in documents/uploads/, as uploaded and as extracted text',
  });
  lifecycle.excludeFromExport({
    table: 'knowledge_chunks',
    reason: 'it is the search index, built again from the data above and your uploads',
  });
  lifecycle.registerRetentionRule(accountLifecycle.purgeRule());
  for (const rule of diagnosticRetentionRules(database, config.retention))
    lifecycle.registerRetentionRule(rule);
  lifecycle.registerRetentionRule(answerCacheRetentionRule(database));
  lifecycle.registerRetentionRule(embeddingCacheRetentionRule(database));
  lifecycle.registerRetentionRule(serverErrorRetentionRule(database));
  lifecycle.registerRetentionRule(auditLogRetentionRule(database));

  const readiness = createReadiness();
  app.decorate('services', {
    database,
    mailer,
    auth: authService,
    diagnostic: diagnosticService,
    ai,
    workspace,
    lifecycle,
    metrics,
    errorReporter,
    jobs,
    accountLifecycle,
    knowledge,
    readiness,
    auditLog,
  });

  await app.register(underPressure, {
    maxEventLoopDelay: config.http.maxEventLoopDelayMs,
    retryAfter: 10,
    sampleInterval: deps.pressureSampleIntervalMs ?? 1000,
  });
  await registerSecurity(app, config);
  // Cookies are parsed when a route asks for one (platform/cookies.ts), not on every request.
  await app.register(cookie, { hook: false });
  registerAuthGuard(app, resolveSession);
  registerInputGuard(app);
  app.decorate(
    'routeLimits',
    registerRouteLimits(app, {
      database,
      throttle,
      clock,
      settings: {
        read: { max: config.limits.readsPerUserPerMinute, windowSeconds: 60 },
        write: { max: config.limits.writesPerUserPerMinute, windowSeconds: 60 },
        public: { max: config.limits.publicRequestsPerIpPerMinute, windowSeconds: 60 },
        costly: {
          pdf: { ...config.pdf },
          brand: {
            windowSeconds: 24 * 60 * 60,
            maxPerUser: config.limits.brandsPerUserPerDay,
            maxPerIp: null,
          },
        },
        syncIntervalMs: config.limits.syncIntervalMs,
      },
    }),
  );
  // Last of the request hooks: a request refused by the guards or the limits never waits for a turn.
  registerAdmission(app, {
    maxConcurrent: config.http.maxConcurrent,
    maxWaitMs: config.http.maxQueueWaitMs,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'IDEA Brand Coach API', version: '1' },
      servers: [{ url: config.publicUrl.origin }],
      components: {
        securitySchemes: {
          // better-auth adds the __Secure- prefix when cookies are Secure (https).
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: config.auth.secureCookies ? '__Secure-ibc.session_token' : 'ibc.session_token',
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(healthRoutes(database, readiness));
  registerMetricsRoute(app, metrics, config.observability.metricsToken);
  await app.register(
    authRoutes(authService, resolveSession, async (userId, request, reply, activeBrandId) => {
      // Every account has a brand to work in from its first page view.
      await workspace.ensureDefaultBrand(userId);
      // This browser's anonymous diagnostic results join the account it just signed in to, in the
      // brand active in this browser (at sign-up, the new default brand).
      const anonymousToken = anonymousTokenOf(request);
      if (!anonymousToken) return;
      await diagnosticService.claim(userId, anonymousToken, activeBrandId);
      clearAnonymousCookie(reply, config);
    }),
  );
  await app.register(diagnosticRoutes(diagnosticService, config));
  await app.register(emailConsentRoutes(emailConsent));
  await app.register(workspaceRoutes(workspace));
  await app.register(dashboardRoutes(createDashboardService({ queries: createDashboardQueries(database) })));
  await app.register(canvasRoutes(canvasService));
  const valueLens = createValueLensService({ database, workspace, ai });
  await app.register(valueLensRoutes(valueLens));
  await app.register(researchIntentRoutes(createResearchIntentService({ database, workspace, ai })));
  await app.register(reviewResearchRoutes(createReviewResearchService({ database, workspace, throttle })));
  await app.register(ideaRoutes(ideaService));
  await app.register(avatarRoutes(avatarService));
  await app.register(settingsRoutes(settingsService));
  await app.register(
    chatRoutes(
      createChatService({
        database,
        ai,
        brands: workspace,
        log: app.log,
        memory: brandMemory,
        // The coach's tools (ADR 0038): the same services the pages use, for the conversation's brand.
        tools: {
          knowledge,
          workspace,
          latestDiagnostic: (userId, brandId) => diagnosticService.latest(userId, brandId),
          generateCopy: (userId, brandId, body) => valueLens.generate(userId, brandId, body),
        },
      }),
    ),
  );
  await app.register(chatProposalRoutes(createChatProposalService({ database, workspace })));
  await app.register(brandMemoryRoutes(brandMemory));
  await app.register(aiTaskRoutes(ai));
  await app.register(aiAdminRoutes(createAiAdminService({ database, ai, config })));
  await app.register(
    knowledgeRoutes(createKnowledgeSearchService({ knowledge, brands: workspace, throttle })),
  );
  await app.register(documentRoutes(documentService));
  await app.register(surveyRoutes(surveyService, config));
  await app.register(accountLifecycleRoutes(accountLifecycle));
  await app.register(
    legalRoutes(createLegalService(config, { serverErrorDays: SERVER_ERROR_RETENTION_DAYS })),
  );
  await app.register(accountLifecycleAdminRoutes(accountLifecycle));
  await app.register(auditLogRoutes(auditLog));
  await app.register(feedbackRoutes(feedbackService));
  await app.register(leadsAdminRoutes(createLeadsService({ database, audit: auditLog, clock })));
  const betaService = createBetaService({
    database,
    journey: createJourneyReader({ database, feedbackGiven: feedbackService.usersWhoGaveFeedback }),
    audit: auditLog,
    clock,
  });
  await app.register(betaRoutes(betaService));
  await app.register(
    adminUsersRoutes(
      createAdminUsersService({
        database,
        auth,
        auditLog,
        sessionCache,
        clock,
        // A user's page shows their beta journey, as the beta programme derives it.
        betaProgress: betaService.status,
      }),
    ),
  );
  await app.register(
    systemRoutes(createSystemService({ database, mailer, jobs, config, clock, knowledgeSearch })),
  );
  app.get('/api/openapi.json', { config: TIER.public, schema: { hide: true } }, async () => app.swagger());

  await registerWeb(app, config);

  return app;
}
