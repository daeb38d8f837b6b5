// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import MarkdownRenderer, { safeUrl } from './markdown-renderer.tsx';

afterEach(cleanup);

function renderMarkdown(markdown: string) {
  return render(<MarkdownRenderer>{markdown}</MarkdownRenderer>).container;
}

describe('MarkdownRenderer', () => {
  it('renders the coach’s Markdown: emphasis, lists, links', () => {
    const container = renderMarkdown(
      '**Insight** first.\n\n- Interview five customers\n- Write down their words\n\n[IDEA](https://example.com/idea)',
    );
    expect(container.querySelector('strong')?.textContent).toBe('Insight');
    expect([...container.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Interview five customers',
      'Write down their words',
    ]);
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/idea');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it('opens the app’s own pages in place and other sites in a new tab', () => {
    const { container } = render(
      <MemoryRouter>
        <MarkdownRenderer>
          {'Take the [IDEA diagnostic](/diagnostic) or read [the guide](https://example.com/guide).'}
        </MarkdownRenderer>
      </MemoryRouter>,
    );
    const [inApp, outside] = [...container.querySelectorAll('a')];
    expect(inApp?.getAttribute('href')).toBe('/diagnostic');
    expect(inApp?.hasAttribute('target')).toBe(false);
    expect(outside?.getAttribute('target')).toBe('_blank');
    expect(outside?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it('never turns raw HTML into elements: scripts, event handlers and iframes stay inert', () => {
    const container = renderMarkdown(
      'Hello <script>window.hacked = true</script>\n\n<img src=x onerror="window.hacked = true">\n\n<iframe src="https://evil.example"></iframe>\n\n<a href="https://evil.example" onclick="steal()">click</a>',
    );
    expect(container.querySelector('script, img, iframe, [onerror], [onclick]')).toBeNull();
    expect(container.innerHTML).not.toMatch(/<(script|img|iframe)\b/i);
    expect((window as Window & { hacked?: boolean }).hacked).toBeUndefined();
    expect(container.textContent).toContain('Hello');
  });

  it('drops javascript:, data: and vbscript: links but keeps their text', () => {
    const container = renderMarkdown(
      '[one](javascript:alert(1)) [two](JaVaScRiPt:alert(1)) [three](data:text/html;base64,PHNjcmlwdD4=) [four](vbscript:msgbox) <javascript:alert(1)>',
    );
    for (const link of container.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/^(javascript|data|vbscript):/i);
    }
    expect(container.textContent).toContain('one');
    expect(container.textContent).toContain('four');
  });

  it('shows an image’s description instead of fetching it, and demotes headings', () => {
    const container = renderMarkdown('# Big title\n\n![a tracking pixel](https://evil.example/p.png)');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('[a tracking pixel]');
    expect(container.querySelector('h1, h2, h3, h4, h5, h6')).toBeNull();
    expect(container.textContent).toContain('Big title');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com', 'http://example.com'],
    ['mailto:hi@example.com', 'mailto:hi@example.com'],
    ['/app/coach', '/app/coach'],
    ['#section', '#section'],
    ['javascript:alert(1)', ''],
    [' javascript:alert(1)', ''],
    ['data:text/html,<script>', ''],
    ['ftp://example.com/file', ''],
  ])('%s → %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});
