// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Snippet } from './snippet.tsx';

afterEach(cleanup);

describe('Snippet', () => {
  it('marks the matched words and keeps the rest as plain text', () => {
    const { container } = render(
      <p>
        <Snippet
          parts={[
            { text: 'Our ', match: false },
            { text: 'lavender', match: true },
            { text: ' soap is made in ', match: false },
            { text: 'Devon', match: true },
            { text: '.', match: false },
          ]}
        />
      </p>,
    );
    expect(container.textContent).toBe('Our lavender soap is made in Devon.');
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'lavender',
      'Devon',
    ]);
  });

  it('never reads passage text as HTML', () => {
    const { container } = render(
      <p>
        <Snippet
          parts={[
            { text: '<img src=x onerror="alert(1)">', match: false },
            { text: '<b>bold</b>', match: true },
          ]}
        />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<b>bold</b>');
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"><b>bold</b>');
  });
});
