/**
 * A real HTTP server speaking the OpenAI `/v1/chat/completions` JSON protocol, for contract tests.
 * Tests queue scripted behaviours (an answer, an error status with headers, a hang, a broken body);
 * when the queue is empty it answers with the default object.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type FakeBehaviour =
  | { kind: 'answer'; content: unknown; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'raw'; body: string }
  | { kind: 'content'; text: string };

export interface FakeRequest {
  at: number;
  body: { model?: string; messages?: { role: string; content: string }[]; response_format?: unknown };
}

export interface FakeOpenAi {
  baseUrl: string;
  requests: FakeRequest[];
  queue: FakeBehaviour[];
  defaultAnswer: unknown;
  defaultUsage: { prompt_tokens: number; completion_tokens: number };
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

export async function startFakeOpenAi(defaultAnswer: unknown): Promise<FakeOpenAi> {
  const hanging = new Set<ServerResponse>();
  const fake: Omit<FakeOpenAi, 'baseUrl' | 'close'> = {
    requests: [],
    queue: [],
    defaultAnswer,
    defaultUsage: { prompt_tokens: 120, completion_tokens: 80 },
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url !== '/v1/chat/completions' || request.method !== 'POST') {
        response.writeHead(404).end();
        return;
      }
      fake.requests.push({ at: Date.now(), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const behaviour = fake.queue.shift() ?? { kind: 'answer', content: fake.defaultAnswer };
      const json = { 'content-type': 'application/json' };
      switch (behaviour.kind) {
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
