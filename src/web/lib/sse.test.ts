import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse.ts';

function parse(chunks: string[], end = true): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = createSseParser((message) => messages.push(message));
  for (const chunk of chunks) parser.push(chunk);
  if (end) parser.end();
  return messages;
}

describe('createSseParser', () => {
  it('reads named events with JSON data, one per blank line', () => {
    expect(
      parse([
        'event: delta\ndata: {"text":"Hel"}\n\nevent: delta\ndata: {"text":"lo"}\n\nevent: done\ndata: {}\n\n',
      ]),
    ).toEqual([
      { event: 'delta', data: '{"text":"Hel"}' },
      { event: 'delta', data: '{"text":"lo"}' },
      { event: 'done', data: '{}' },
    ]);
  });

  it('copes with chunks split anywhere, including inside a line ending', () => {
    const whole = 'event: delta\r\ndata: {"text":"a b"}\r\n\r\nevent: done\rdata: {"ok":true}\r\r';
    const expected = [
      { event: 'delta', data: '{"text":"a b"}' },
      { event: 'done', data: '{"ok":true}' },
    ];
    for (let size = 1; size <= whole.length; size += 1) {
      const chunks: string[] = [];
      for (let index = 0; index < whole.length; index += size) chunks.push(whole.slice(index, index + size));
      expect(parse(chunks), `chunks of ${size}`).toEqual(expected);
    }
  });

  it('joins several data lines, ignores comments and unknown fields, and defaults the event name', () => {
    expect(parse([': keep-alive\nid: 7\nretry: 100\ndata: one\ndata:two\nfoo: bar\n\n'])).toEqual([
      { event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('keeps a space that is part of the value, and a field with no colon counts as empty', () => {
    expect(parse(['data:  padded\n\ndata\n\n'])).toEqual([
      { event: 'message', data: ' padded' },
      { event: 'message', data: '' },
    ]);
  });

  it('drops a message the stream cut off before its blank line', () => {
    expect(parse(['event: delta\ndata: {"text":"Hi"}\n\nevent: done\ndata: {"message'])).toEqual([
      { event: 'delta', data: '{"text":"Hi"}' },
    ]);
  });

  it('does not carry an event name over to the next message', () => {
    expect(parse(['event: error\n\ndata: x\n\n'])).toEqual([{ event: 'message', data: 'x' }]);
  });
});
