// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Citation } from '../../../core/knowledge/contracts.ts';
import { LocationProbe } from '../../test/render.tsx';
import { CitedText, SourcesList } from './citations.tsx';
import MarkdownRenderer from './markdown-renderer.tsx';

afterEach(cleanup);

const citations: Citation[] = [
  {
    n: 1,
    id: '3f2c1b0a-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
    sourceType: 'canvas',
    label: 'Brand canvas · Purpose',
    quote: 'We light candles for calm evenings.',
    href: '/app/canvas#field-purpose',
  },
  {
    n: 2,
    id: '4f2c1b0a-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
    sourceType: 'document',
    label: 'Price list.pdf · Page 2',
    quote: 'The lavender candle costs £18.',
    href: '/app/knowledge/documents/5f2c1b0a-8a3b-4c5d-9e7f-6f1d2c1e4e5f?page=2&passage=4f2c1b0a-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
  },
];

function inRouter(ui: React.ReactNode) {
  return render(
    <MemoryRouter initialEntries={['/app/coach']}>
      {ui}
      <LocationProbe />
    </MemoryRouter>,
  );
}

describe('citations in coach answers', () => {
  it('links each marker of plain text to its source, named for screen readers, in the app', () => {
    inRouter(
      <p>
        <CitedText text="Calm evenings [1]. It costs £18 [2]. Unknown [7]." citations={citations} />
      </p>,
    );
    const first = screen.getByRole('link', { name: 'Source 1: Brand canvas · Purpose' });
    expect(first.textContent).toBe('[1]');
    expect(first.getAttribute('href')).toBe('/app/canvas#field-purpose');
    expect(screen.getByText('[7]').tagName).toBe('SPAN');
    fireEvent.click(screen.getByRole('link', { name: 'Source 2: Price list.pdf · Page 2' }));
    expect(screen.getByTestId('location').textContent).toBe(
      '/app/knowledge/documents/5f2c1b0a-8a3b-4c5d-9e7f-6f1d2c1e4e5f?page=2&passage=4f2c1b0a-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
    );
  });

  it('lists the sources under an answer with where each is and what it says', () => {
    inRouter(<SourcesList citations={citations} />);
    const list = screen.getByRole('list', { name: 'Sources' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '[1] Brand canvas · PurposeWe light candles for calm evenings.',
      '[2] Price list.pdf · Page 2The lavender candle costs £18.',
    ]);
    expect(
      within(items[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/app/canvas#field-purpose');
  });

  it('shows nothing for an answer without citations', () => {
    const { container } = inRouter(<SourcesList citations={[]} />);
    expect(container.querySelector('ol')).toBeNull();
  });

  it('links markers in Markdown answers, leaving code, links and raw HTML as they are', () => {
    const { container } = inRouter(
      <MarkdownRenderer citations={citations}>
        {
          '**Calm** evenings [1][2].\n\n- In a list [2]\n\nCode `items[1]` and [a link](https://example.com/[1]).\n\n<a href="/app/x" data-citation="1">raw [1]</a>'
        }
      </MarkdownRenderer>,
    );
    const links = screen.getAllByRole('link', { name: /^Source \d/ });
    expect(links.map((link) => link.getAttribute('aria-label'))).toEqual([
      'Source 1: Brand canvas · Purpose',
      'Source 2: Price list.pdf · Page 2',
      'Source 2: Price list.pdf · Page 2',
      // The raw tags are dropped; the words between them are text like any other.
      'Source 1: Brand canvas · Purpose',
    ]);
    expect(container.querySelector('code')?.textContent).toBe('items[1]');
    expect(screen.getByRole('link', { name: 'a link' }).getAttribute('target')).toBe('_blank');
    expect(container.innerHTML).not.toContain('/app/x');
  });

  it('renders markers as text when the answer has no citations', () => {
    inRouter(<MarkdownRenderer>{'A claim [1].'}</MarkdownRenderer>);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('A claim [1].')).toBeTruthy();
  });
});
