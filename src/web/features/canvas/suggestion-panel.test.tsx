// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AiMeta } from '../../../core/ai/contracts.ts';
import { canvasFieldInfo } from '../../../core/workspace/canvas-fields.ts';
import { SuggestionPanel } from './suggestion-panel.tsx';

afterEach(cleanup);

const meta: AiMeta = {
  provider: 'offline',
  model: 'offline-coach',
  promptId: 'canvas-suggestion',
  promptVersion: 1,
  cached: false,
  notice: null,
  citations: [],
};

function renderPanel(field: 'purpose' | 'personality', rewrite: string) {
  const onApply = vi.fn();
  const onDismiss = vi.fn();
  render(
    <SuggestionPanel
      field={canvasFieldInfo(field)}
      suggestion={{
        meta,
        output: {
          field,
          critique: ['"quality" could describe any brand.'],
          rewrite,
          checklist: ['Names who benefits'],
        },
      }}
      onApply={onApply}
      onDismiss={onDismiss}
    />,
  );
  return { onApply, onDismiss };
}

describe('SuggestionPanel', () => {
  it('shows the critique as advice and applies only the rewrite, marked as from the coach', () => {
    const { onApply } = renderPanel('purpose', 'Calm Co exists to help parents start the day calmly.');
    expect(screen.getByText('"quality" could describe any brand.')).toBeTruthy();
    expect(screen.getByText('Offline coach')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Accept the rewrite for Purpose' }));
    expect(onApply).toHaveBeenCalledWith('Calm Co exists to help parents start the day calmly.', true);
  });

  it('lets the user edit the rewrite first; an edited rewrite is the user’s own', () => {
    const { onApply } = renderPanel('purpose', 'Calm Co exists to help parents.');
    fireEvent.click(screen.getByRole('button', { name: 'Edit the rewrite for Purpose' }));
    fireEvent.change(screen.getByLabelText('Edit the rewrite before using it'), {
      target: { value: 'Calm Co exists to help busy parents.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Use my edit for Purpose' }));
    expect(onApply).toHaveBeenCalledWith('Calm Co exists to help busy parents.', false);
  });

  it('applies an unchanged draft as the coach’s text', () => {
    const { onApply } = renderPanel('purpose', 'Calm Co exists to help parents.');
    fireEvent.click(screen.getByRole('button', { name: 'Edit the rewrite for Purpose' }));
    fireEvent.click(screen.getByRole('button', { name: 'Use my edit for Purpose' }));
    expect(onApply).toHaveBeenCalledWith('Calm Co exists to help parents.', true);
  });

  it.each([
    ['no rewrite', 'purpose', ''],
    ['a text template', 'purpose', 'Calm Co exists to help [audience] [change you make].'],
    ['a tag template', 'personality', '[Trait], [trait] and [trait] — never [trait you avoid].'],
  ] as const)('offers nothing to accept or edit for %s: advice only', (_case, field, rewrite) => {
    const { onApply, onDismiss } = renderPanel(field, rewrite);
    expect(screen.queryByRole('button', { name: /^Accept/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByText('Proposed rewrite')).toBeNull();
    expect(screen.queryByText(/\[/)).toBeNull();
    expect(screen.getByText('"quality" could describe any brand.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Dismiss the suggestion/ }));
    expect(onDismiss).toHaveBeenCalled();
    expect(onApply).not.toHaveBeenCalled();
  });
});
