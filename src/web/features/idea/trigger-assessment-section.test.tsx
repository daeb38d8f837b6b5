// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ItemData } from '../../../core/workspace/items.ts';
import type { ItemController } from '../../kit/workspace/use-workspace-item.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { TriggerAssessmentSection } from './trigger-assessment-section.tsx';

type Assessment = ItemData<'trigger-assessment'>;

afterEach(cleanup);

function controller(answers: Assessment['answers']) {
  const data: Assessment = { answers };
  const update = vi.fn((mutate: (draft: Assessment) => void) => mutate(data));
  const value: ItemController<Assessment> = {
    item: null,
    data,
    sources: {},
    status: 'saved',
    errorMessage: null,
    loadError: null,
    conflict: null,
    update,
    adopt: vi.fn(),
    flush: vi.fn(async () => undefined),
  };
  return { value, update, data };
}

describe('TriggerAssessmentSection', () => {
  it('invites the user to answer when nothing is answered yet', () => {
    renderWithProviders(<TriggerAssessmentSection assessment={controller({}).value} onUseResult={vi.fn()} />);
    expect(screen.getAllByRole('group')).toHaveLength(5);
    expect(screen.getByText(/Answer the questions above/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Triggers ranked by share' })).toBeNull();
  });

  it('ranks the triggers from the stored answers and offers the leaders to the worksheet', () => {
    const onUseResult = vi.fn();
    const { value } = controller({
      'first-look': 2,
      worry: 0,
      'after-purchase': 0,
      'word-of-mouth': 3,
      return: 0,
    });
    renderWithProviders(<TriggerAssessmentSection assessment={value} onUseResult={onUseResult} />);
    expect(screen.getByTestId('assessment-summary').textContent).toBe(
      'Based on all five answers: Trust leads.',
    );
    const rows = within(screen.getByRole('list', { name: 'Triggers ranked by share' })).getAllByRole(
      'listitem',
    );
    expect(rows.map((row) => row.textContent)).toEqual([
      'Trust50%',
      'Relief40%',
      'Belonging10%',
      'Hope0%',
      'Validation0%',
      'Aspiration0%',
      'Empowerment0%',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Use this trigger in the worksheet' }));
    expect(onUseResult).toHaveBeenCalledWith(['trust']);
  });

  it('stores the chosen option of a question', () => {
    const { value, update, data } = controller({});
    renderWithProviders(<TriggerAssessmentSection assessment={value} onUseResult={vi.fn()} />);
    const worry = screen.getByRole('group', { name: /What worries them most/ });
    fireEvent.click(within(worry).getByRole('radio', { name: /depend on someone else/ }));
    expect(update).toHaveBeenCalledTimes(1);
    expect(data.answers).toEqual({ worry: 3 });
  });
});
