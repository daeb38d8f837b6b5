// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConflictDialog, fieldLabel } from './conflict-dialog.tsx';
import type { ConflictController } from './use-workspace-item.ts';

afterEach(cleanup);

function conflictOn(resolve = vi.fn()): ConflictController {
  return {
    fields: [
      { path: 'mission', base: 'Old', mine: 'Mission from this tab', theirs: 'Mission from the other tab' },
      { path: 'story.origin', base: '', mine: 'In a garage', theirs: 'In a kitchen' },
    ],
    theirsSavedAt: null,
    resolve,
  };
}

describe('ConflictDialog', () => {
  it('lists only the conflicting fields, each a labelled group with both versions', () => {
    render(<ConflictDialog conflict={conflictOn()} />);
    const dialog = screen.getByRole('dialog', {
      name: '2 fields were also changed in another tab or device',
    });
    const mission = within(dialog).getByRole('group', { name: 'Mission' });
    expect(within(mission).getByRole('radio', { name: /Your version Mission from this tab/ })).toBeTruthy();
    expect(
      within(mission).getByRole('radio', { name: /Other version Mission from the other tab/ }),
    ).toBeTruthy();
    expect(within(dialog).getByRole('group', { name: 'Story › Origin' })).toBeTruthy();
    expect(within(dialog).getAllByRole('group')).toHaveLength(2);
  });

  it('saves only once every field has a choice, with the choice per field', () => {
    const resolve = vi.fn();
    render(<ConflictDialog conflict={conflictOn(resolve)} />);
    const mission = screen.getByRole('group', { name: 'Mission' });
    fireEvent.click(within(mission).getByRole('radio', { name: /Other version/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save my choices' }));
    expect(resolve).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Story › Origin');

    const origin = screen.getByRole('group', { name: 'Story › Origin' });
    fireEvent.click(within(origin).getByRole('radio', { name: /Your version/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save my choices' }));
    expect(resolve).toHaveBeenCalledWith({ mission: 'theirs', 'story.origin': 'mine' });
  });

  it('offers one-click choices for every field', () => {
    const resolve = vi.fn();
    render(<ConflictDialog conflict={conflictOn(resolve)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Use all of theirs' }));
    expect(resolve).toHaveBeenCalledWith({ mission: 'theirs', 'story.origin': 'theirs' });
  });

  it('names nested fields readably', () => {
    expect(fieldLabel('valueProposition')).toBe('Value proposition');
    expect(fieldLabel('demographics.ageBand')).toBe('Demographics › Age band');
  });
});
