/**
 * A real HTTP server that accepts what the Sentry SDKs send (`POST /api/<project>/envelope/`,
 * optionally gzip-compressed) and records each envelope, raw and parsed, so tests can check exactly
 * what left the process. Its `dsn` is what SENTRY_DSN / VITE_SENTRY_DSN would hold.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { Arrivals } from './arrivals.ts';

export interface EnvelopeItem {
  header: Record<string, unknown>;
  /** Parsed JSON when the payload is JSON (events are), else the raw text. */
  payload: unknown;
}

export interface ReceivedEnvelope {
  /** The request path with its query (the SDK puts its key and version there). */
  url: string;
  headers: IncomingMessage['headers'];
  /** The whole envelope as text: what to search for anything that must not have been sent. */
  raw: string;
  header: Record<string, unknown>;
  items: EnvelopeItem[];
}

export interface SentryReceiver {
  dsn: string;
  envelopes: ReceivedEnvelope[];
  /** Resolves with the first envelope matching `predicate`, or rejects after `timeoutMs`. */
  waitFor(predicate: (envelope: ReceivedEnvelope) => boolean, timeoutMs?: number): Promise<ReceivedEnvelope>;
  close(): Promise<void>;
}

const PROJECT_ID = '4242';
const PUBLIC_KEY = 'e2e0public0key';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Envelope format: a header line, then per item a header line and a payload (sized or one line). */
export function parseEnvelope(raw: string): Pick<ReceivedEnvelope, 'header' | 'items'> {
  const lines = raw.split('\n');
  const header = parseJson(lines.shift() ?? '{}') as Record<string, unknown>;
  const items: EnvelopeItem[] = [];
  while (lines.length > 0) {
    const itemHeaderLine = lines.shift();
    if (!itemHeaderLine) continue;
    const itemHeader = parseJson(itemHeaderLine) as Record<string, unknown>;
    items.push({ header: itemHeader, payload: parseJson(lines.shift() ?? '') });
  }
  return { header, items };
}

/** `port` 0 picks a free one; a fixed port is for a DSN baked into a web build in advance. */
export async function startSentryReceiver(port = 0): Promise<SentryReceiver> {
  const received = new Arrivals<ReceivedEnvelope>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '').split('?')[0];
      if (request.method !== 'POST' || path !== `/api/${PROJECT_ID}/envelope/`) {
        response.writeHead(404).end();
        return;
      }
      let body = Buffer.concat(chunks);
      if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const raw = body.toString('utf8');
      // Recorded before the answer, so a flushed SDK (whose send has been answered) is fully counted.
      received.record({ url: request.url ?? '', headers: request.headers, raw, ...parseEnvelope(raw) });
      // The browser SDK posts cross-origin; let it read the answer like Sentry's ingest does.
      response
        .writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
        .end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('sentry receiver has no port');

  return {
    dsn: `http://${PUBLIC_KEY}@127.0.0.1:${address.port}/${PROJECT_ID}`,
    envelopes: received.items,
    waitFor: (predicate, timeoutMs = 10_000) => received.waitFor(predicate, timeoutMs, 'envelope'),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
