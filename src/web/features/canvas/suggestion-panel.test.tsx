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
    const { onApply } = renderPanel('purpose', 'Calm Co exists to help [audience].');
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

  it('does not offer to accept a tag template made only of placeholders', () => {
    const { onApply, onDismiss } = renderPanel(
      'personality',
      '[Trait], [trait] and [trait] — never [trait you avoid].',
    );
    const accept = screen.getByRole('button', {
      name: 'Accept the rewrite for Personality',
    }) as HTMLButtonElement;
    expect(accept.disabled).toBe(true);
    expect(screen.getByText(/This is a template/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the suggestion for Personality' }));
    expect(onDismiss).toHaveBeenCalled();
    expect(onApply).not.toHaveBeenCalled();
  });
});
