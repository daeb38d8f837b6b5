/**
 * A chat turn as a browser sends it: POST the message, then read the answer's server-sent events
 * (`delta`, `done`, `error`) with fetch and a stream reader, optionally stopping after some deltas
 * (the stop button).
 */
import type { TestClient } from './harness.ts';

export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Posts a chat turn and reads the server-sent events with fetch and a stream reader. */
export async function sendChatTurn(
  client: TestClient,
  sessionId: string,
  content: string,
  options: { stopAfterDeltas?: number } = {},
): Promise<{ status: number; headers: Headers; events: SseEvent[] }> {
  const controller = new AbortController();
  const response = await fetch(new URL(`/api/ai/chat/sessions/${sessionId}/messages`, client.baseUrl), {
    method: 'POST',
    headers: { cookie: client.cookieHeader(), 'content-type': 'application/json' },
    body: JSON.stringify({ content }),
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  if (!response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    return { status: response.status, headers: response.headers, events };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let boundary = buffer.indexOf('\n\n');
      while (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        boundary = buffer.indexOf('\n\n');
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '{}';
        events.push({ event, data: JSON.parse(data) });
      }
      const deltas = events.filter((event) => event.event === 'delta').length;
      if (options.stopAfterDeltas !== undefined && deltas >= options.stopAfterDeltas) {
        controller.abort();
        break;
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { status: response.status, headers: response.headers, events };
}
