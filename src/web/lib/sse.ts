/**
 * A parser for server-sent events (the `text/event-stream` format) read through `fetch`. The browser's
 * EventSource can only GET, and sending a chat turn is a POST, so the stream is parsed here: fields
 * `event` and `data` (several data lines join with a newline), comments ignored, one message per blank
 * line, and chunks may split anywhere — even between the `\r` and `\n` of one line ending.
 */
export interface SseMessage {
  /** `message` when the server sent no `event:` field. */
  event: string;
  data: string;
}

export interface SseParser {
  /** Feeds decoded text as it arrives. */
  push(text: string): void;
  /** The stream ended. A message without its closing blank line is dropped, as the standard says. */
  end(): void;
}

export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];

  function line(text: string) {
    if (text === '') {
      if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    // `id` and `retry` only matter for EventSource reconnection, which a POST stream doesn't do.
  }

  return {
    push(text) {
      buffer += text;
      const endings = /\r\n|\r|\n/g;
      let start = 0;
      for (let match = endings.exec(buffer); match; match = endings.exec(buffer)) {
        // A `\r` at the very end may be the first half of `\r\n`: wait for the next chunk.
        if (match[0] === '\r' && match.index === buffer.length - 1) break;
        line(buffer.slice(start, match.index));
        start = match.index + match[0].length;
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer === '\r') line('');
      buffer = '';
      event = '';
      data = [];
    },
  };
}
