/**
 * Builds the Fastify application from its dependencies. Tests call `buildApp` directly (with their
 * own database and mail transport); `main.ts` calls it with the process configuration and listens.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import underPressure from '@fastify/under-pressure';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { createAiAdminService } from './ai/admin.ts';
import { aiAdminRoutes } from './ai/admin-routes.ts';
import { createChatService } from './ai/chat.ts';
import { chatRoutes } from './ai/chat-routes.ts';
import { seedDefaultPrompts } from './ai/prompts.ts';
import type { AiProvider } from './ai/provider.ts';
import { aiRoutes } from './ai/routes.ts';
import { type AiService, createAiService } from './ai/service.ts';
import type { AppConfig } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { createAuth } from './features/auth/auth.ts';
import { authRoutes } from './features/auth/routes.ts';
import { type AuthService, createAuthService } from './features/auth/service.ts';
import { createProofOfWork } from './features/diagnostic/altcha.ts';
import { anonymousTokenOf, clearAnonymousCookie, diagnosticRoutes } from './features/diagnostic/routes.ts';
import { createDiagnosticService, type DiagnosticService } from './features/diagnostic/service.ts';
import { registerAuthGuard } from './platform/auth-guard.ts';
import { registerErrorHandling } from './platform/errors.ts';
import { healthRoutes } from './platform/health.ts';
import { loggerOptions, requestIdFor } from './platform/logging.ts';
import { createMailer, type Mailer } from './platform/mailer.ts';
import { registerSecurity } from './platform/security.ts';
import { createThrottle } from './platform/throttle.ts';
import { registerWeb } from './platform/web.ts';

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
}

export interface AppServices {
  database: Database;
  mailer: Mailer;
  auth: AuthService;
  diagnostic: DiagnosticService;
  ai: AiService;
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
    /** Every route as registered (method × url); the default-deny test and ops tooling walk it. */
    routeTable: RegisteredRoute[];
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config, deps.logStream),
    genReqId: requestIdFor,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Graceful shutdown. During shutdown, responses close their keep-alive connection (an idle
  // keep-alive socket would otherwise hold the server open until the deadline), and the database is
  // closed only once every running handler has produced its response — even handlers whose client
  // already hung up, which the HTTP server no longer counts.
  let closing = false;
  let handlersRunning = 0;
  app.addHook('onRequest', async () => {
    handlersRunning += 1;
  });
  app.addHook('onSend', async (_request, reply) => {
    handlersRunning -= 1;
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('preClose', async () => {
    closing = true;
  });
  async function drainHandlers(): Promise<void> {
    const deadline = Date.now() + config.http.shutdownTimeoutMs;
    while (handlersRunning > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
  }

  const ownsDatabase = !deps.database;
  const database = deps.database ?? (await openDatabase(config.database));
  app.addHook('onClose', async () => {
    await drainHandlers();
    mailer.close();
    if (ownsDatabase) await database.close();
  });
  await runMigrations(database, config.database.kind === 'postgres' ? config.database.url : undefined);

  const mailer = createMailer(config.mail, database, app.log);
  const throttle = createThrottle(database);
  const auth = createAuth({ config, database, mailer, log: app.log });
  const authService = createAuthService({ auth, database, throttle, config });
  const proofOfWork = createProofOfWork({
    secret: config.auth.secret,
    cost: config.diagnostic.altchaCost,
    maxCounter: config.diagnostic.altchaMaxCounter,
    database,
  });
  const diagnosticService = createDiagnosticService({ database, throttle, mailer, proofOfWork, config });
  await seedDefaultPrompts(database);
  const aiService = createAiService({
    database,
    mailer,
    diagnostic: diagnosticService,
    config,
    log: app.log,
    ...(deps.aiProvider !== undefined ? { provider: deps.aiProvider } : {}),
  });
  app.decorate('services', {
    database,
    mailer,
    auth: authService,
    diagnostic: diagnosticService,
    ai: aiService,
  });

  await app.register(underPressure, {
    maxEventLoopDelay: config.http.maxEventLoopDelayMs,
    retryAfter: 10,
    sampleInterval: deps.pressureSampleIntervalMs ?? 1000,
  });
  await registerSecurity(app, config);
  await app.register(cookie);
  registerAuthGuard(app, authService);

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

  await app.register(healthRoutes(database));
  await app.register(
    authRoutes(authService, async (userId, request, reply) => {
      // This browser's anonymous diagnostic results join the account it just signed in to.
      const anonymousToken = anonymousTokenOf(request);
      if (!anonymousToken) return;
      await diagnosticService.claim(userId, anonymousToken);
      clearAnonymousCookie(reply, config);
    }),
  );
  await app.register(diagnosticRoutes(diagnosticService, config));
  await app.register(chatRoutes(createChatService({ database, ai: aiService, config, log: app.log })));
  await app.register(aiRoutes(aiService));
  await app.register(aiAdminRoutes(createAiAdminService({ database, ai: aiService, config })));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerWeb(app, config);

  return app;
}
