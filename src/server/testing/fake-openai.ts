/**
 * A real HTTP server speaking the OpenAI `/v1/chat/completions` protocol — JSON, and server-sent
 * events when the request asks for `stream: true` — for contract tests and the AI benchmark.
 * Tests queue scripted behaviours (an answer, an error status with headers, a hang, a broken body,
 * a stream that is cut mid-way); when the queue is empty it answers with the default object, or for
 * streams with the default chunks.
 *
 * It also answers `/v1/embeddings` with deterministic vectors (`fake-embeddings.ts`, or the test's
 * own `embed`), recording every request; `embeddingQueue` scripts failures the same way.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fakeEmbedding } from './fake-embeddings.ts';

export type FakeBehaviour =
  | { kind: 'answer'; content: unknown; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'raw'; body: string }
  | { kind: 'content'; text: string }
  /** SSE: sends the chunks `delayMs` apart; `cut` destroys the socket instead of finishing. */
  | { kind: 'stream'; chunks: string[]; cut?: boolean; delayMs?: number }
  /**
   * The assistant asks for tool calls (after `text`, if any); `arguments` is the raw JSON text a model
   * sends, so a test can send arguments that are not JSON or do not fit the tool.
   */
  | { kind: 'tool-calls'; calls: { name: string; arguments: string }[]; text?: string };

export interface FakeRequest {
  at: number;
  body: {
    model?: string;
    messages?: {
      role: string;
      content: string;
      tool_calls?: { id: string; function: { name: string; arguments: string } }[];
      tool_call_id?: string;
    }[];
    response_format?: unknown;
    stream?: boolean;
    tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
  };
}

export interface FakeEmbeddingRequest {
  at: number;
  body: { model?: string; input?: string[]; dimensions?: number; encoding_format?: string };
}

/** What an embeddings request gets instead of vectors: an error status, a hang, a body of its own. */
export type FakeEmbeddingBehaviour = Extract<FakeBehaviour, { kind: 'status' | 'hang' | 'raw' }>;

export interface FakeOpenAi {
  baseUrl: string;
  requests: FakeRequest[];
  queue: FakeBehaviour[];
  embeddingRequests: FakeEmbeddingRequest[];
  embeddingQueue: FakeEmbeddingBehaviour[];
  /** The vector for one input (default: the bag-of-concepts embedding, at `dimensions` when asked). */
  embed: (text: string, dimensions: number | undefined) => number[];
  defaultAnswer: unknown;
  defaultUsage: { prompt_tokens: number; completion_tokens: number };
  /** What a streaming request gets when the queue is empty. */
  defaultStream: string[];
  /** Delay before answering every request, to imitate a real provider's latency. */
  latencyMs: number;
  close(): Promise<void>;
}

function completion(content: string, usage: { prompt_tokens: number; completion_tokens: number }) {
  return JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  });
}

function chunk(delta: Record<string, unknown>, finish: string | null, usage?: Record<string, number>) {
  return `data: ${JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: 'test-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(usage ? { usage } : {}),
  })}\n\n`;
}

/** The tool calls of a `tool-calls` behaviour, as the OpenAI protocol numbers and names them. */
function toolCallsOf(calls: { name: string; arguments: string }[]) {
  return calls.map((call, index) => ({
    index,
    id: `call_${index + 1}`,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  }));
}

async function streamToolCalls(
  response: ServerResponse,
  behaviour: { calls: { name: string; arguments: string }[]; text?: string },
  usage: { prompt_tokens: number; completion_tokens: number },
): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.write(chunk({ role: 'assistant', content: behaviour.text ?? '' }, null));
  response.write(chunk({ tool_calls: toolCallsOf(behaviour.calls) }, null));
  response.write(
    chunk({}, 'tool_calls', { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens }),
  );
  response.end('data: [DONE]\n\n');
}

async function streamAnswer(
  response: ServerResponse,
  chunks: string[],
  options: { cut?: boolean; delayMs?: number },
  usage: { prompt_tokens: number; completion_tokens: number },
): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.write(chunk({ role: 'assistant', content: '' }, null));
  for (const text of chunks) {
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (response.destroyed) return;
    response.write(chunk({ content: text }, null));
  }
  if (options.cut) {
    // Give the client a moment to read what was sent, then drop the connection mid-answer.
    await new Promise((resolve) => setTimeout(resolve, 20));
    response.destroy();
    return;
  }
  response.write(
    chunk({}, 'stop', { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens }),
  );
  response.end('data: [DONE]\n\n');
}

export async function startFakeOpenAi(defaultAnswer: unknown): Promise<FakeOpenAi> {
  const hanging = new Set<ServerResponse>();
  const fake: Omit<FakeOpenAi, 'baseUrl' | 'close'> = {
    requests: [],
    queue: [],
    embeddingRequests: [],
    embeddingQueue: [],
    embed: (text, dimensions) => fakeEmbedding(text, dimensions),
    defaultAnswer,
    defaultUsage: { prompt_tokens: 120, completion_tokens: 80 },
    defaultStream: ['Here is ', 'what to do ', 'next: **sharpen** your difference.'],
    latencyMs: 0,
  };
  async function answerEmbeddings(text: string, response: ServerResponse): Promise<void> {
    const body: FakeEmbeddingRequest['body'] = JSON.parse(text);
    fake.embeddingRequests.push({ at: Date.now(), body });
    if (fake.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.latencyMs));
    const json = { 'content-type': 'application/json' };
    const behaviour = fake.embeddingQueue.shift();
    if (behaviour?.kind === 'hang') {
      hanging.add(response);
      return;
    }
    if (behaviour?.kind === 'raw') {
      response.writeHead(200, json).end(behaviour.body);
      return;
    }
    if (behaviour?.kind === 'status') {
      response
        .writeHead(behaviour.status, { ...json, ...behaviour.headers })
        .end(
          behaviour.body ?? JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }),
        );
      return;
    }
    const inputs = Array.isArray(body.input) ? body.input : [String(body.input ?? '')];
    const tokens = inputs.reduce(
      (sum, input) => sum + Math.max(1, input.split(/\s+/).filter(Boolean).length),
      0,
    );
    response.writeHead(200, json).end(
      JSON.stringify({
        object: 'list',
        data: inputs.map((input, index) => ({
          object: 'embedding',
          index,
          embedding: fake.embed(input, body.dimensions),
        })),
        model: body.model ?? 'test-embedding',
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      }),
    );
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      if (request.url === '/v1/embeddings' && request.method === 'POST') {
        await answerEmbeddings(Buffer.concat(chunks).toString('utf8'), response);
        return;
      }
      if (request.url !== '/v1/chat/completions' || request.method !== 'POST') {
        response.writeHead(404).end();
        return;
      }
      const body: FakeRequest['body'] = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      fake.requests.push({ at: Date.now(), body });
      const behaviour: FakeBehaviour =
        fake.queue.shift() ??
        (body.stream
          ? { kind: 'stream', chunks: fake.defaultStream }
          : { kind: 'answer', content: fake.defaultAnswer });
      const json = { 'content-type': 'application/json' };
      if (fake.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.latencyMs));
      if (body.stream && (behaviour.kind === 'answer' || behaviour.kind === 'content')) {
        const text = behaviour.kind === 'content' ? behaviour.text : JSON.stringify(behaviour.content);
        await streamAnswer(response, [text], {}, fake.defaultUsage);
        return;
      }
      switch (behaviour.kind) {
        case 'tool-calls':
          if (body.stream) {
            await streamToolCalls(response, behaviour, fake.defaultUsage);
            return;
          }
          response.writeHead(200, json).end(
            JSON.stringify({
              id: 'chatcmpl-test',
              object: 'chat.completion',
              created: Math.floor(Date.now() / 1000),
              model: 'test-model',
              choices: [
                {
                  index: 0,
                  message: {
                    role: 'assistant',
                    content: behaviour.text ?? null,
                    tool_calls: toolCallsOf(behaviour.calls).map(({ index: _index, ...call }) => call),
                  },
                  finish_reason: 'tool_calls',
                },
              ],
              usage: {
                ...fake.defaultUsage,
                total_tokens: fake.defaultUsage.prompt_tokens + fake.defaultUsage.completion_tokens,
              },
            }),
          );
          return;
        case 'stream':
          hanging.add(response);
          await streamAnswer(response, behaviour.chunks, behaviour, fake.defaultUsage);
          hanging.delete(response);
          return;
        case 'answer':
          response
            .writeHead(200, json)
            .end(completion(JSON.stringify(behaviour.content), behaviour.usage ?? fake.defaultUsage));
          return;
        case 'content':
          response.writeHead(200, json).end(completion(behaviour.text, fake.defaultUsage));
          return;
        case 'raw':
          response.writeHead(200, json).end(behaviour.body);
          return;
        case 'status':
          response
            .writeHead(behaviour.status, { ...json, ...behaviour.headers })
            .end(
              behaviour.body ??
                JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }),
            );
          return;
        case 'hang':
          hanging.add(response);
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake provider has no port');
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${address.port}/v1`,
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
