/**
 * A real HTTP server speaking the OpenAI `/v1/chat/completions` protocol — JSON, and server-sent
 * events when the request asks for `stream: true` — for contract tests and the AI benchmark.
 * Tests queue scripted behaviours (an answer, an error status with headers, a hang, a broken body,
 * a stream that is cut mid-way); when the queue is empty it answers with the default object, or for
 * streams with the default chunks.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type FakeBehaviour =
  | { kind: 'answer'; content: unknown; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'raw'; body: string }
  | { kind: 'content'; text: string }
  /** SSE: sends the chunks `delayMs` apart; `cut` destroys the socket instead of finishing. */
  | { kind: 'stream'; chunks: string[]; cut?: boolean; delayMs?: number };

export interface FakeRequest {
  at: number;
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: unknown;
    stream?: boolean;
  };
}

export interface FakeOpenAi {
  baseUrl: string;
  requests: FakeRequest[];
  queue: FakeBehaviour[];
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
    defaultAnswer,
    defaultUsage: { prompt_tokens: 120, completion_tokens: 80 },
    defaultStream: ['Here is ', 'what to do ', 'next: **sharpen** your difference.'],
    latencyMs: 0,
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
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
