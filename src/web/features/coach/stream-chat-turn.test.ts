import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatStreamEvent } from '../../../core/ai/chat-contracts.ts';
import { ApiError } from '../../lib/api-client.ts';
import { coachApi } from './api.ts';

const SESSION = '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f';
const MESSAGE = '0a1b2c3d-8a3b-4c5d-9e7f-6f1d2c1e4e5f';

function streamResponse(chunks: string[], status = 200) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
}

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

async function run(response: Response | Error, signal = new AbortController().signal) {
  const fetchMock = vi.fn<typeof fetch>();
  if (response instanceof Error) fetchMock.mockRejectedValueOnce(response);
  else fetchMock.mockResolvedValueOnce(response);
  vi.stubGlobal('fetch', fetchMock);
  const events: ChatStreamEvent[] = [];
  const outcome = await coachApi
    .streamChatTurn(SESSION, 'How do I stand out?', { signal, onEvent: (event) => events.push(event) })
    .then(
      () => null,
      (error: unknown) => error,
    );
  return { events, outcome, fetchMock };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('coachApi.streamChatTurn', () => {
  it('posts the turn and hands over each event as it arrives, split across chunks', async () => {
    const whole =
      sse('delta', { text: 'Be ' }) +
      sse('delta', { text: '**distinctive**.' }) +
      sse('done', {
        messageId: MESSAGE,
        text: 'Be **distinctive**.',
        citations: [],
        followUps: ['Next?'],
        provider: 'offline',
      });
    const { events, outcome, fetchMock } = await run(
      streamResponse([whole.slice(0, 17), whole.slice(17, 60), whole.slice(60)]),
    );
    expect(outcome).toBeNull();
    expect(events).toEqual([
      { event: 'delta', data: { text: 'Be ' } },
      { event: 'delta', data: { text: '**distinctive**.' } },
      {
        event: 'done',
        data: {
          messageId: MESSAGE,
          text: 'Be **distinctive**.',
          citations: [],
          followUps: ['Next?'],
          provider: 'offline',
          // A done event without proposals (an older server) reads as none.
          proposals: [],
        },
      },
    ]);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`/api/ai/chat/sessions/${SESSION}/messages`);
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(JSON.parse(String(init?.body))).toEqual({ content: 'How do I stand out?' });
  });

  it('passes the server’s error event on, with its message', async () => {
    const { events, outcome } = await run(
      streamResponse([
        sse('delta', { text: 'Partial' }),
        sse('error', { code: 'AI_STREAM_FAILED', message: 'The answer was cut off by the AI provider.' }),
      ]),
    );
    expect(outcome).toBeNull();
    expect(events.at(-1)).toEqual({
      event: 'error',
      data: { code: 'AI_STREAM_FAILED', message: 'The answer was cut off by the AI provider.' },
    });
  });

  it('throws the envelope’s error when the turn is refused before streaming (quota)', async () => {
    const refused = new Response(
      JSON.stringify({
        error: { code: 'QUOTA_EXCEEDED', message: 'You have used today’s 50 AI requests.', requestId: 'r1' },
      }),
      { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '3600' } },
    );
    const { events, outcome } = await run(refused);
    expect(events).toEqual([]);
    expect(outcome).toBeInstanceOf(ApiError);
    expect(outcome).toMatchObject({ code: 'QUOTA_EXCEEDED', status: 429, retryAfterSeconds: 3600 });
  });

  it('never ends silently: a stream that stops without done or error is a failure', async () => {
    const { events, outcome } = await run(streamResponse([sse('delta', { text: 'Half an ans' })]));
    expect(events).toHaveLength(1);
    expect(outcome).toBeInstanceOf(ApiError);
    expect(outcome).toMatchObject({ code: 'NETWORK_ERROR' });
    expect((outcome as ApiError).message).toMatch(/before the answer finished/);
  });

  it('rejects events that break the contract', async () => {
    const { outcome } = await run(streamResponse([sse('delta', { words: 'no text field' })]));
    expect(outcome).toMatchObject({ code: 'BAD_RESPONSE' });
    const { outcome: notJson } = await run(streamResponse(['event: delta\ndata: {oops\n\n']));
    expect(notJson).toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('ignores event names it does not know', async () => {
    const { events, outcome } = await run(
      streamResponse([
        sse('ping', {}),
        sse('done', {
          messageId: MESSAGE,
          text: '',
          citations: [],
          followUps: [],
          provider: 'offline',
          notice: { code: 'spending-cap', message: 'Cap reached.' },
        }),
      ]),
    );
    expect(outcome).toBeNull();
    expect(events).toEqual([
      {
        event: 'done',
        data: {
          messageId: MESSAGE,
          text: '',
          citations: [],
          followUps: [],
          provider: 'offline',
          notice: { code: 'spending-cap', message: 'Cap reached.' },
          proposals: [],
        },
      },
    ]);
  });

  it('stops when aborted (the stop button), rejecting with the AbortError', async () => {
    const controller = new AbortController();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(encoder.encode(sse('delta', { text: 'Start' })));
        // Never closes by itself; like a browser's fetch, aborting errors the body.
        controller.signal.addEventListener('abort', () =>
          stream.error(new DOMException('The operation was aborted.', 'AbortError')),
        );
      },
    });
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValueOnce(new Response(body, { status: 200 })));
    const events: ChatStreamEvent[] = [];
    const outcome = await coachApi
      .streamChatTurn(SESSION, 'Hi', {
        signal: controller.signal,
        onEvent: (event) => {
          events.push(event);
          controller.abort();
        },
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(events).toEqual([{ event: 'delta', data: { text: 'Start' } }]);
    expect(outcome).toBeInstanceOf(DOMException);
    expect((outcome as DOMException).name).toBe('AbortError');
  });

  it('reports an unreachable server plainly', async () => {
    const { outcome } = await run(new TypeError('Failed to fetch'));
    expect(outcome).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});
