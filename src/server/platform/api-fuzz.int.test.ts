/**
 * No input may cause a 500. Reads the app's own OpenAPI document and sends every operation well over
 * a hundred hostile inputs — path parameters, query strings and bodies spoiled one place at a time
 * (see testing/hostile-inputs.ts) — as a signed-in admin, and the public operations anonymously too.
 * Any 5xx (or a dropped connection) fails the test with the operation and the input that caused it.
 *
 * The valid example each input spoils is built from the operation's schemas plus the seeded account's
 * ids, so hostile values get past routing and ownership checks to the service and the database.
 * Inputs that sign the admin out, revoke its sessions or delete what was seeded are expected: after
 * each operation the session and the seeded resources are checked and made again when gone.
 */
import http from 'node:http';
import { setTimeout } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { AI_TASK_SCHEMAS, type AiTask, isAiTask } from '../../core/ai/contracts.ts';
import { QUESTIONNAIRE_V1 } from '../../core/diagnostic/questionnaire.ts';
import { ITEM_DATA_SCHEMAS, type ItemKind } from '../../core/workspace/items.ts';
import {
  describeOnEachDatabase,
  STRONG_PASSWORD,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../testing/harness.ts';
import {
  bodyMutations,
  type ExampleHint,
  exampleOf,
  genericQueries,
  hostileCookies,
  hostilePathSegments,
  hostileQueries,
  type JsonSchema,
  toJsonText,
  wholeBodies,
} from '../testing/hostile-inputs.ts';
import { pollUntil } from '../testing/poll.ts';
import { grantAdminRole } from './auth/admin-bootstrap.ts';
import { isPublicApiRoute } from './public-routes.ts';

/** Requests in flight at once: enough to keep both cores busy, few enough for PGlite's one connection. */
const CONCURRENCY = 4;
const MIN_INPUTS_PER_OPERATION = 100;
/** How long a request refused for capacity (503 OVERLOADED) is retried: 60 × 0.5 s. */
const OVERLOADED_RETRIES = 60;
const OVERLOADED_RETRY_MS = 500;
/** An email in an example body that each request replaces with a fresh address (sign-up, …). */
const FRESH_EMAIL = 'fresh.fuzz.address@example.com';
/**
 * A `baseVersion` each request replaces with the item's current version, read just before sending:
 * a stale one would stop every save at the version check, before the data reaches the database.
 */
const FRESH_VERSION = 987_654_321;

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

interface Operation {
  method: string;
  /** As OpenAPI writes it: `/api/brands/{brandId}`. */
  path: string;
  pathParameters: OpenApiParameter[];
  queryParameters: OpenApiParameter[];
  bodySchema: JsonSchema | undefined;
  isPublic: boolean;
}

interface HostileRequest {
  label: string;
  path: string;
  /** Replaces the actor's cookie header. */
  cookie?: string;
  /** Where to read the item's current version for a `FRESH_VERSION` in the body. */
  versionFrom?: string;
  contentType?: string | undefined;
  payload?: string | Buffer | undefined;
}

interface Seeded {
  email: string;
  userId: string;
  cookie: string;
  brandId: string;
  avatarId: string;
  diagnosticId: string;
  chatSessionId: string;
  valueLensId: string;
  snapshotId: string;
  /** A buyer-intent research run of the seeded brand. */
  intentRunId: string;
  /** Another of the admin's sessions, for `DELETE /api/settings/sessions/:id`. */
  otherSessionId: string;
  /** A published survey of the brand, for the owner's survey routes and its public link. */
  surveyId: string;
  surveySlug: string;
}

const READS_WHOLE_ACCOUNT = new Set(['GET /api/account/export']);

/** Tasks with a brand or a stored result in their input reach the database through their context. */
const FUZZED_TASKS: AiTask[] = ['contextual-help', 'canvas-suggestion', 'avatar-voice', 'value-lens-copy'];

function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const routeUrl = path.replaceAll(/\{(\w+)\}/g, ':$1');
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
        queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
        bodySchema: operation.requestBody?.content['application/json']?.schema,
        isPublic: isPublicApiRoute(method.toUpperCase(), routeUrl),
      });
    }
  }
  return operations;
}

/** The raw HTTP client: sends exactly the bytes given (fetch would normalise paths and refuse bodies on GET). */
function createSender(baseUrl: string) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let freshEmails = 0;
  function send(
    method: string,
    path: string,
    options: {
      cookie?: string | undefined;
      contentType?: string | undefined;
      payload?: string | Buffer | undefined;
    },
  ): Promise<{ status: number; text: string }> {
    let payload = options.payload;
    if (typeof payload === 'string' && payload.includes(FRESH_EMAIL)) {
      freshEmails += 1;
      payload = payload.replaceAll(FRESH_EMAIL, `fuzz.${Date.now().toString(36)}.${freshEmails}@example.com`);
    }
    const body =
      payload === undefined ? undefined : Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.contentType) headers['content-type'] = options.contentType;
    if (body) headers['content-length'] = String(body.length);
    return new Promise((resolve) => {
      const request = http.request(
        { host: hostname, port, method, path, headers, agent, timeout: 30_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', (error) => resolve({ status: 0, text: `response error: ${error.message}` }));
        },
      );
      request.on('timeout', () => request.destroy(new Error('no answer within 30 s')));
      request.on('error', (error) => resolve({ status: 0, text: `transport error: ${error.message}` }));
      request.end(body);
    });
  }
  return { send, close: () => agent.destroy() };
}

async function runPool<T>(items: T[], worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        if (item !== undefined) await worker(item);
      }
    }),
  );
}

type Response<T> = { status: number; text: string; body: T };

function expectStatus<T>(response: Response<T>, status: number, what: string): T {
  if (response.status !== status) throw new Error(`seeding ${what}: ${response.status} ${response.text}`);
  return response.body;
}

async function newAdmin(testApp: TestApp): Promise<{ client: TestClient; email: string; userId: string }> {
  const client = testApp.client();
  const email = uniqueEmail('fuzz-admin');
  const signedUp = await client.post<{ user: { id: string } }>('/api/auth/sign-up', {
    name: 'Fuzz Admin',
    email,
    password: STRONG_PASSWORD,
  });
  const { user } = expectStatus(signedUp, 200, 'the admin');
  expect(await grantAdminRole(testApp.database, email)).toBe(true);
  return { client, email, userId: user.id };
}

/**
 * Makes sure the admin is signed in and every seeded resource still exists, re-making only what a
 * hostile input took away (a resource deleted, the session revoked, the account deleted). An existing
 * one of the same kind is reused where a brand's collection may already be full of fuzzed copies.
 */
async function ensureSeeded(testApp: TestApp, previous: Seeded | undefined): Promise<Seeded> {
  let client = testApp.client();
  let account = previous && { email: previous.email, userId: previous.userId };
  if (previous) {
    for (const cookie of previous.cookie.split('; ')) {
      const separator = cookie.indexOf('=');
      client.cookies.set(cookie.slice(0, separator), cookie.slice(separator + 1));
    }
    // A costly operation (an account export) may have kept the server busy enough to shed load for a
    // moment; its requests were all answered, so wait for it to be back before checking anything.
    const session = await pollUntil(
      () => client.get<{ user: { id: string } | null }>('/api/session'),
      (response) => response.status !== 503,
      { timeoutMs: 30_000, intervalMs: 250, description: 'the server to stop shedding load' },
    );
    if (session.body.user?.id !== previous.userId) {
      client.cookies.clear();
      const signedIn = await client.post('/api/auth/sign-in', {
        email: previous.email,
        password: STRONG_PASSWORD,
      });
      // The account itself is gone: start over with a new admin.
      if (signedIn.status !== 200) account = undefined;
    }
  }
  if (!account) {
    const admin = await newAdmin(testApp);
    client = admin.client;
    account = { email: admin.email, userId: admin.userId };
    previous = undefined;
  }

  const brands = await client.get<{ brands: { id: string }[] }>('/api/brands');
  let brandId =
    brands.body.brands.find((brand) => brand.id === previous?.brandId)?.id ?? brands.body.brands[0]?.id;
  if (!brandId) {
    brandId = expectStatus(
      await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Fuzz brand' }),
      201,
      'a brand',
    ).brand.id;
  }
  const sameBrand = brandId === previous?.brandId;

  let avatarId = sameBrand ? previous?.avatarId : undefined;
  if (!avatarId || (await client.get(`/api/items/${avatarId}`)).status !== 200) {
    const avatars = await client.get<{ items: { id: string }[] }>(
      `/api/brands/${brandId}/collections/avatar`,
    );
    avatarId =
      avatars.body.items?.[0]?.id ??
      expectStatus(
        await client.post<{ item: { id: string } }>(`/api/brands/${brandId}/collections/avatar`, {
          data: exampleOf(toJsonSchema(ITEM_DATA_SCHEMAS.avatar)),
          sources: {},
        }),
        201,
        'an avatar',
      ).item.id;
  }

  let diagnosticId = previous?.diagnosticId;
  if (!diagnosticId || (await client.get(`/api/diagnostic/results/${diagnosticId}`)).status !== 200) {
    diagnosticId = expectStatus(
      await client.post<{ result: { id: string } }>('/api/diagnostic/results', {
        questionnaireVersion: QUESTIONNAIRE_V1.version,
        answers: validAnswers(),
      }),
      201,
      'a diagnostic result',
    ).result.id;
  }

  let chatSessionId = sameBrand ? previous?.chatSessionId : undefined;
  if (!chatSessionId || (await client.get(`/api/ai/chat/sessions/${chatSessionId}`)).status !== 200) {
    chatSessionId = expectStatus(
      await client.post<{ id: string }>('/api/ai/chat/sessions', { brandId }),
      201,
      'a chat session',
    ).id;
  }

  const generations = await client.get<{ generations: { id: string }[] }>(
    `/api/brands/${brandId}/value-lens?limit=50`,
  );
  let valueLensId =
    generations.body.generations.find((generation) => generation.id === previous?.valueLensId)?.id ??
    generations.body.generations[0]?.id;
  if (!valueLensId) {
    valueLensId = expectStatus(
      await client.post<{ generation: { id: string } }>(`/api/brands/${brandId}/value-lens`, {
        product: 'Fuzz tea',
        features: ['loose leaf'],
        format: 'ad-headline',
      }),
      201,
      'a Value Lens generation',
    ).generation.id;
  }

  const snapshots = await client.get<{ snapshots: { id: string }[] }>(
    `/api/brands/${brandId}/insight-snapshots`,
  );
  let snapshotId =
    snapshots.body.snapshots.find((snapshot) => snapshot.id === previous?.snapshotId)?.id ??
    snapshots.body.snapshots[0]?.id;
  if (!snapshotId) {
    const insight = await client.get<{ item: { version: number } }>(`/api/brands/${brandId}/items/insight`);
    expectStatus(
      await client.request('PUT', `/api/brands/${brandId}/items/insight`, {
        json: { baseVersion: insight.body.item.version, data: { buyerIntent: 'Gifts' }, sources: {} },
      }),
      200,
      'the Insight worksheet',
    );
    snapshotId = expectStatus(
      await client.post<{ snapshot: { id: string } }>(`/api/brands/${brandId}/insight-snapshots`, {}),
      201,
      'an Insight snapshot',
    ).snapshot.id;
  }

  const intentRuns = await client.get<{ runs: { id: string }[] }>(
    `/api/brands/${brandId}/research/intent/runs?limit=50`,
  );
  const intentRunId =
    intentRuns.body.runs.find((run) => run.id === previous?.intentRunId)?.id ??
    intentRuns.body.runs[0]?.id ??
    expectStatus(
      await client.post<{ run: { id: string } }>(`/api/brands/${brandId}/research/intent/runs`, {
        text: 'best linen shirts\nbuy linen shirt',
      }),
      201,
      'a buyer-intent run',
    ).run.id;

  const surveys = await client.get<{ surveys: { id: string; slug: string; status: string }[] }>(
    `/api/brands/${brandId}/surveys`,
  );
  let survey =
    surveys.body.surveys.find((entry) => entry.id === previous?.surveyId && entry.status === 'published') ??
    surveys.body.surveys.find((entry) => entry.status === 'published');
  if (!survey) {
    const created = expectStatus(
      await client.post<{ survey: { id: string } }>(`/api/brands/${brandId}/surveys`, {
        template: 'post-purchase',
      }),
      201,
      'a survey',
    ).survey;
    survey = expectStatus(
      await client.post<{ survey: { id: string; slug: string; status: string } }>(
        `/api/brands/${brandId}/surveys/${created.id}/publish`,
      ),
      200,
      'a published survey',
    ).survey;
  }

  const listSessions = () =>
    client.get<{ sessions: { id: string; current: boolean }[] }>('/api/settings/sessions');
  let otherSessionId = (await listSessions()).body.sessions.find((session) => !session.current)?.id;
  if (!otherSessionId) {
    const otherDevice = testApp.client();
    const signedIn = await otherDevice.post('/api/auth/sign-in', {
      email: account.email,
      password: STRONG_PASSWORD,
    });
    expectStatus(signedIn, 200, 'a second session');
    otherSessionId = (await listSessions()).body.sessions.find((session) => !session.current)?.id;
    if (!otherSessionId) throw new Error('seeding a second session: it is not listed');
  }

  return {
    ...account,
    cookie: client.cookieHeader(),
    brandId,
    avatarId,
    diagnosticId,
    chatSessionId,
    valueLensId,
    snapshotId,
    intentRunId,
    otherSessionId,
    surveyId: survey.id,
    surveySlug: survey.slug,
  };
}

/**
 * The current version of each item the fuzz saves, read once and then followed from the answers to
 * its saves, so a save's `baseVersion` is current without reading the item before every request.
 */
function createVersionCache(sender: ReturnType<typeof createSender>) {
  const known = new Map<string, number>();
  return {
    async current(itemPath: string, cookie: string | undefined, reread: boolean): Promise<number> {
      const cached = known.get(itemPath);
      if (cached !== undefined && !reread) return cached;
      const answer = await sender.send('GET', itemPath, { cookie });
      const version =
        answer.status === 200 ? (JSON.parse(answer.text) as { item: { version: number } }).item.version : 0;
      known.set(itemPath, version);
      return version;
    },
    saw(itemPath: string, answerText: string): void {
      const version = (JSON.parse(answerText) as { item?: { version?: unknown } }).item?.version;
      if (typeof version === 'number') known.set(itemPath, version);
    },
  };
}

/**
 * Deletes what the fuzz created in bulk (brands, avatars) except the seeded ones, once at a time even
 * when several requests find the list full together.
 */
function createRoomMaker(testApp: TestApp) {
  const lists: Record<
    string,
    (seeded: Seeded) => { list: string; keep: string; remove: (id: string) => string }
  > = {
    'POST /api/brands': (seeded) => ({
      list: '/api/brands',
      keep: seeded.brandId,
      remove: (id) => `/api/brands/${id}`,
    }),
    'POST /api/brands/{brandId}/surveys': (seeded) => ({
      list: `/api/brands/${seeded.brandId}/surveys`,
      keep: seeded.surveyId,
      remove: (id) => `/api/brands/${seeded.brandId}/surveys/${id}`,
    }),
    'POST /api/brands/{brandId}/collections/{kind}': (seeded) => ({
      list: `/api/brands/${seeded.brandId}/collections/avatar`,
      keep: seeded.avatarId,
      remove: (id) => `/api/items/${id}`,
    }),
  };
  let running: Promise<void> | undefined;
  async function clear(operation: string, seeded: Seeded): Promise<void> {
    const spec = lists[operation];
    if (!spec) return;
    const { list, keep, remove } = spec(seeded);
    const client = testApp.client();
    const listed = await client.get<{
      brands?: { id: string }[];
      items?: { id: string }[];
      surveys?: { id: string }[];
    }>(list, {
      cookie: seeded.cookie,
    });
    const ids = [
      ...(listed.body.brands ?? []),
      ...(listed.body.items ?? []),
      ...(listed.body.surveys ?? []),
    ].map((entry) => entry.id);
    for (const id of ids.filter((id) => id !== keep)) {
      await client.request('DELETE', remove(id), { headers: { cookie: seeded.cookie } });
    }
  }
  return {
    handles: (operation: string) => operation in lists,
    makeRoom(operation: string, seeded: Seeded): Promise<void> {
      running ??= clear(operation, seeded).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

function validAnswers(): Record<string, number> {
  return Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, 3]));
}

function pathParameterValue(
  operation: Operation,
  parameter: OpenApiParameter,
  seeded: Seeded,
  task: AiTask,
): string {
  switch (parameter.name) {
    case 'brandId':
      return seeded.brandId;
    case 'itemId':
      return seeded.avatarId;
    case 'snapshotId':
      return seeded.snapshotId;
    case 'surveyId':
      return seeded.surveyId;
    case 'slug':
      return seeded.surveySlug;
    case 'runId':
      return seeded.intentRunId;
    case 'userId':
      return seeded.userId;
    case 'version':
      return '1';
    case 'task':
    case 'promptId':
      return task;
    case 'id':
      if (operation.path.startsWith('/api/diagnostic/')) return seeded.diagnosticId;
      if (operation.path.startsWith('/api/value-lens/')) return seeded.valueLensId;
      if (operation.path.startsWith('/api/settings/sessions/')) return seeded.otherSessionId;
      if (operation.path.startsWith('/api/ai/chat/sessions/')) return seeded.chatSessionId;
  }
  return String(exampleOf(parameter.schema));
}

function buildPath(operation: Operation, values: Record<string, string>): string {
  return operation.path.replaceAll(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? '');
}

/** The valid example request of one variant (an AI task, for the routes that take one) and its spoiled copies. */
function hostileRequests(
  operation: Operation,
  seeded: Seeded,
  task: AiTask,
  bodyLimitBytes: number,
  /** The caller's session cookie (`name=value`) the cookie inputs spoil: the admin's, or a forged one. */
  sessionCookie: string,
): HostileRequest[] {
  const values = Object.fromEntries(
    operation.pathParameters.map((parameter) => [
      parameter.name,
      pathParameterValue(operation, parameter, seeded, task),
    ]),
  );
  const kind = values.kind ?? (operation.path.startsWith('/api/items/') ? 'avatar' : undefined);
  const hint: ExampleHint = (name) => {
    switch (name) {
      case 'brandId':
        return seeded.brandId;
      case 'avatarId':
        return seeded.avatarId;
      case 'resultId':
        return seeded.diagnosticId;
      case 'email':
        return FRESH_EMAIL;
      case 'baseVersion':
        return FRESH_VERSION;
      case 'data':
        return kind && kind in ITEM_DATA_SCHEMAS
          ? exampleOf(toJsonSchema(ITEM_DATA_SCHEMAS[kind as ItemKind]), hint)
          : undefined;
      case 'answers':
        return validAnswers();
      case 'input':
        return exampleOf(toJsonSchema(AI_TASK_SCHEMAS[task].input), hint);
      default:
        return undefined;
    }
  };
  const bodySchema =
    operation.path === '/api/ai/{task}' && isAiTask(values.task ?? '')
      ? toJsonSchema(AI_TASK_SCHEMAS[task].input)
      : operation.bodySchema;
  const example = bodySchema ? exampleOf(bodySchema, hint) : undefined;
  const exampleText = example === undefined ? undefined : toJsonText(example);
  const validPath = buildPath(operation, values);
  const json = 'application/json';
  const requests: HostileRequest[] = [];
  const versionFrom = values.itemId
    ? `/api/items/${values.itemId}`
    : operation.path.includes('/items/{kind}')
      ? validPath
      : undefined;

  for (const parameter of operation.pathParameters) {
    for (const segment of hostilePathSegments(values[parameter.name] ?? '')) {
      requests.push({
        label: `path ${parameter.name} = ${segment.label}`,
        path: buildPath(operation, { ...values, [parameter.name]: segment.value }),
        contentType: exampleText ? json : undefined,
        payload: exampleText,
      });
    }
  }
  const queries = [
    ...operation.queryParameters.flatMap((parameter) => hostileQueries(parameter.name, seeded.brandId)),
    ...genericQueries(),
  ];
  for (const query of queries) {
    requests.push({
      label: `query ${query.label}`,
      path: `${validPath}?${query.value}`,
      contentType: exampleText ? json : undefined,
      payload: exampleText,
    });
  }
  if (example !== undefined) {
    for (const mutation of bodyMutations(example)) {
      requests.push({ label: mutation.label, path: validPath, contentType: json, payload: mutation.value });
    }
  }
  for (const cookie of hostileCookies(sessionCookie)) {
    requests.push({
      label: `cookie: ${cookie.label}`,
      path: validPath,
      cookie: cookie.value,
      contentType: exampleText ? json : undefined,
      payload: exampleText,
    });
  }
  for (const body of wholeBodies(example, bodyLimitBytes)) {
    requests.push({
      label: `whole body: ${body.label}`,
      path: validPath,
      contentType: body.contentType,
      payload: body.payload,
    });
  }
  // Operations that take little input still get a hundred: parameters no route declares, with the
  // same hostile values (a route must ignore or refuse them).
  for (const query of hostileQueries('unexpected', seeded.brandId)) {
    if (requests.length >= MIN_INPUTS_PER_OPERATION) break;
    requests.push({
      label: `query ${query.label}`,
      path: `${validPath}?${query.value}`,
      contentType: exampleText ? json : undefined,
      payload: exampleText,
    });
  }
  return versionFrom ? requests.map((request) => ({ ...request, versionFrom })) : requests;
}

/** An anonymous caller's cookie inputs spoil a session cookie that never existed. */
const FORGED_SESSION_COOKIE = 'ibc.session_token=forged-session-token.c2lnbmF0dXJl';

function sessionCookieOf(seeded: Seeded): string {
  const cookies = seeded.cookie.split('; ');
  return cookies.find((cookie) => cookie.includes('session_token')) ?? cookies[0] ?? '';
}

interface FuzzContext {
  sender: ReturnType<typeof createSender>;
  versions: ReturnType<typeof createVersionCache>;
  roomMaker: ReturnType<typeof createRoomMaker>;
  /** The current seeds (they change when a hostile input made them be seeded again). */
  seeded: () => Seeded;
}

/**
 * Sends one hostile request as `actor` and returns its final answer: a save's `baseVersion` is the
 * item's current one (retried once when another save came first), and a list a fuzzed create filled
 * up is emptied and the request sent again, so the hostile part is what the route answers to.
 */
async function sendHostile(
  context: FuzzContext,
  operation: Operation,
  actor: 'admin' | 'anonymous',
  request: HostileRequest,
): Promise<{ status: number; text: string }> {
  const { sender, versions, roomMaker } = context;
  const actorCookie = actor === 'admin' ? context.seeded().cookie : undefined;
  const { versionFrom, payload } = request;
  const saveItem =
    versionFrom !== undefined && typeof payload === 'string' && payload.includes(String(FRESH_VERSION));
  const send = async (rereadVersion = false) => {
    const body =
      saveItem && versionFrom && typeof payload === 'string'
        ? payload.replaceAll(
            String(FRESH_VERSION),
            String(await versions.current(versionFrom, actorCookie, rereadVersion)),
          )
        : payload;
    const answer = await sender.send(operation.method, request.path, {
      cookie: request.cookie ?? actorCookie,
      contentType: request.contentType,
      payload: body,
    });
    if (saveItem && versionFrom && answer.status === 200) versions.saw(versionFrom, answer.text);
    return answer;
  };
  let answer = await send();
  // A worker with a bounded queue (the review analyser) refuses work past it with 503 OVERLOADED:
  // capacity on a slow machine, not the input. The input must still get its 2xx–4xx once there is room.
  for (let attempt = 1; attempt <= OVERLOADED_RETRIES && isOverloaded(answer); attempt += 1) {
    await setTimeout(OVERLOADED_RETRY_MS);
    answer = await send();
  }
  if (answer.status === 409 && saveItem) answer = await send(true);
  const name = `${operation.method} ${operation.path}`;
  if (answer.status === 409 && actor === 'admin' && roomMaker.handles(name)) {
    await roomMaker.makeRoom(name, context.seeded());
    answer = await send();
  }
  return answer;
}

function isOverloaded(answer: { status: number; text: string }): boolean {
  return answer.status === 503 && answer.text.includes('"code":"OVERLOADED"');
}

/** The variants an operation is fuzzed in: one per AI task it can run, else one. */
function tasksFor(operation: Operation): AiTask[] {
  if (operation.path === '/api/ai/{task}') return FUZZED_TASKS;
  if (operation.path.includes('{promptId}')) return ['chat', 'insight-guidance'];
  return ['chat'];
}

describeOnEachDatabase(
  'API fuzz: no input causes a 5xx',
  (getApp, kind) => {
    it('answers every operation’s hostile inputs with a 2xx–4xx', async ({ annotate }) => {
      const testApp = getApp();
      const started = performance.now();
      // Opening the database may have kept the event loop busy long enough to shed the first requests.
      const document = await pollUntil(
        () =>
          testApp
            .client()
            .get<{ paths: Record<string, Record<string, OpenApiOperation>> }>('/api/openapi.json'),
        (response) => response.status !== 503,
        { timeoutMs: 30_000, intervalMs: 250, description: 'the OpenAPI document' },
      );
      // The account export reads everything the account owns; it runs first, on a seeded account,
      // rather than on one grown by thousands of fuzzed writes.
      const operations = operationsOf(document.body).sort(
        (a, b) =>
          Number(READS_WHOLE_ACCOUNT.has(`${b.method} ${b.path}`)) -
          Number(READS_WHOLE_ACCOUNT.has(`${a.method} ${a.path}`)),
      );
      expect(operations.length).toBeGreaterThan(50);

      let seeded = await ensureSeeded(testApp, undefined);
      const sender = createSender(testApp.baseUrl);
      const context: FuzzContext = {
        sender,
        versions: createVersionCache(sender),
        roomMaker: createRoomMaker(testApp),
        seeded: () => seeded,
      };
      const failures: string[] = [];
      let requests = 0;
      let fewestPerOperation = Number.POSITIVE_INFINITY;
      for (const operation of operations) {
        const name = `${operation.method} ${operation.path}`;
        const actors: ('admin' | 'anonymous')[] = operation.isPublic ? ['admin', 'anonymous'] : ['admin'];
        for (const actor of actors) {
          let sentForActor = 0;
          for (const task of tasksFor(operation)) {
            const inputs = hostileRequests(
              operation,
              seeded,
              task,
              testApp.config.http.bodyLimitBytes,
              actor === 'admin' ? sessionCookieOf(seeded) : FORGED_SESSION_COOKIE,
            );
            sentForActor += inputs.length;
            await runPool(inputs, async (request) => {
              const answer = await sendHostile(context, operation, actor, request);
              requests += 1;
              if (answer.status >= 500 || answer.status === 0) {
                const variant = tasksFor(operation).length > 1 ? `, ${task}` : '';
                failures.push(
                  `${name} [${actor}${variant}] ${request.label} → ${answer.status} ${answer.text.slice(0, 160)}`,
                );
              }
            });
            // A hostile input may have signed the admin out or deleted a seed: make them again.
            seeded = await ensureSeeded(testApp, seeded).catch((error: unknown) => {
              throw new Error(`after ${name}: ${String(error)}`);
            });
          }
          fewestPerOperation = Math.min(fewestPerOperation, sentForActor);
        }
      }
      sender.close();

      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      await annotate(
        `${kind}: ${operations.length} operations, ${requests} hostile requests (at least ${fewestPerOperation} per operation and caller) in ${seconds} s; ${failures.length} answered 5xx`,
      );
      expect(fewestPerOperation).toBeGreaterThanOrEqual(MIN_INPUTS_PER_OPERATION);
      expect(
        failures.length,
        `${failures.length} inputs answered 5xx:\n${failures.slice(0, 60).join('\n')}`,
      ).toBe(0);
    }, 420_000);
  },
  {
    env: {
      // The fuzz must reach every route's validation and services, not its rate limits.
      AI_DAILY_QUOTA: '1000000',
      DIAGNOSTIC_SUBMIT_MAX_PER_IP: '1000000',
      LEAD_MAX_PER_IP: '1000000',
      PDF_MAX_PER_USER: '1000000',
      PDF_MAX_PER_IP: '1000000',
      // Nor its load shedding: a busy CI machine would otherwise get 503s from the password hashing.
      // Shedding under load has its own test (health.int.test.ts).
      MAX_EVENT_LOOP_DELAY_MS: '60000',
      LOG_LEVEL: 'warn',
    },
  },
);
