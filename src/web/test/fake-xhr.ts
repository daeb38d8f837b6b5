/** A stand-in for XMLHttpRequest in unit tests of uploads (`uploadFile` in lib/api-client.ts). */
import { expect, vi } from 'vitest';

/**
 * A stand-in XMLHttpRequest: records what was sent and lets the test play the network — progress
 * events, the answer, a dropped connection.
 */
export class FakeXhr {
  static last: FakeXhr | null = null;
  /** Every request since the last reset, oldest first. */
  static all: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  responseHeaders = '';
  aborted = false;
  readonly upload = new EventTarget();
  readonly events = new EventTarget();

  constructor() {
    FakeXhr.last = this;
    FakeXhr.all.push(this);
  }

  static reset() {
    FakeXhr.last = null;
    FakeXhr.all = [];
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  addEventListener(type: string, listener: EventListener) {
    this.events.addEventListener(type, listener);
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.events.dispatchEvent(new Event('abort'));
  }
  getAllResponseHeaders() {
    return this.responseHeaders;
  }

  progress(loaded: number, total: number) {
    const event = Object.assign(new Event('progress'), { lengthComputable: true, loaded, total });
    this.upload.dispatchEvent(event);
  }
  answer(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = body === undefined ? '' : JSON.stringify(body);
    this.responseHeaders = Object.entries({ 'content-type': 'application/json', ...headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    this.events.dispatchEvent(new Event('load'));
  }
  fail() {
    this.events.dispatchEvent(new Event('error'));
  }
}

function lastXhr(): FakeXhr {
  if (!FakeXhr.last) throw new Error('no request was made');
  return FakeXhr.last;
}

/** The upload request once it has been sent. */
export async function sentUpload(): Promise<FakeXhr> {
  await vi.waitFor(() => expect(FakeXhr.last?.body).toBeTruthy());
  return lastXhr();
}
