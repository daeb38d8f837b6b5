import { fieldAnchor } from '../../../core/knowledge/links.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import { AUTHENTIC_LIMITS } from '../../../core/workspace/limits.ts';
import { useSingletonItem } from '../../kit/workspace/use-workspace-item.ts';
import { TextAreaField, WorksheetSection } from '../../kit/workspace/worksheet-fields.tsx';
import { FieldCoach } from './field-coach.tsx';
import { ModuleFrame } from './module-frame.tsx';
import { MODULES } from './module-info.ts';
import { AddRowForm, InputField, RowCard } from './row-editor.tsx';
import { appendText, FieldWithCoach } from './worksheet-fields.tsx';

type AuthenticData = ItemData<'authentic'>;
type StoryPart = 'origin' | 'struggle' | 'mission';

const STORY_PARTS: readonly { part: StoryPart; label: string; prompt: string }[] = [
  { part: 'origin', label: 'Origin', prompt: 'Why did you start? What did you see that others did not?' },
  { part: 'struggle', label: 'Struggle', prompt: 'What stood in the way, and what did it teach you?' },
  { part: 'mission', label: 'Mission', prompt: 'What are you still trying to change for your customers?' },
];

const TOUCHPOINT_SUGGESTION = 'e.g. Website, packaging, order emails, support replies, social posts';

export default function AuthenticPage() {
  const worksheet = useSingletonItem('authentic');
  const data: AuthenticData | null = worksheet.data;
  const area = MODULES.authentic.area;

  return (
    <ModuleFrame dimension="authentic" worksheet={worksheet}>
      {data ? (
        <>
          <WorksheetSection
            anchor={fieldAnchor('values')}
            title="Core values, each with proof"
            description="A value is believable when you can point to something you did because of it."
          >
            <FieldWithCoach
              field={
                <>
                  {data.values.length === 0 ? (
                    <p className="text-slate-700">
                      No values yet. Add the one you would defend even when it costs you.
                    </p>
                  ) : (
                    <ul className="space-y-3" aria-label="Your core values">
                      {data.values.map((row, index) => (
                        <RowCard
                          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no ids; position is identity
                          key={index}
                          removeLabel={`value ${row.value || index + 1}`}
                          onRemove={() =>
                            worksheet.update((draft) => {
                              draft.values.splice(index, 1);
                            })
                          }
                        >
                          <InputField
                            label={`Value ${index + 1}`}
                            value={row.value}
                            maxLength={AUTHENTIC_LIMITS.value}
                            required
                            onChange={(value) =>
                              worksheet.update((draft) => {
                                const entry = draft.values[index];
                                if (entry) entry.value = value;
                              })
                            }
                          />
                          <TextAreaField
                            label={`Proof of “${row.value || `value ${index + 1}`}”`}
                            description="Something you did because of this value."
                            value={row.proof}
                            maxLength={AUTHENTIC_LIMITS.proof}
                            rows={2}
                            onChange={(proof) =>
                              worksheet.update((draft) => {
                                const entry = draft.values[index];
                                if (entry) entry.proof = proof;
                              })
                            }
                          />
                        </RowCard>
                      ))}
                    </ul>
                  )}
                  <AddRowForm
                    label="Add value"
                    inputLabel="New value"
                    maxLength={AUTHENTIC_LIMITS.value}
                    disabled={data.values.length >= AUTHENTIC_LIMITS.values}
                    disabledReason={`At most ${AUTHENTIC_LIMITS.values} values: fewer, real ones are stronger.`}
                    onAdd={(value) =>
                      worksheet.update((draft) => {
                        draft.values.push({ value, proof: '' });
                      })
                    }
                  />
                </>
              }
              coach={
                <FieldCoach
                  area={area}
                  fieldLabel="Core values"
                  fieldPrompt="How do I choose brand values I can prove?"
                  currentText={data.values.map((row) => `${row.value}: ${row.proof}`).join('; ')}
                />
              }
            />
          </WorksheetSection>

          <WorksheetSection
            anchor={fieldAnchor('story')}
            title="Brand story"
            description="Why you started, what stood in the way, what you are still trying to change."
          >
            <div className="space-y-8">
              {STORY_PARTS.map(({ part, label, prompt }) => {
                const path = `story.${part}`;
                return (
                  <FieldWithCoach
                    key={part}
                    field={
                      <TextAreaField
                        label={label}
                        description={prompt}
                        value={data.story[part]}
                        maxLength={AUTHENTIC_LIMITS.story}
                        fromCoach={worksheet.sources[path] === 'ai'}
                        onChange={(value) =>
                          worksheet.update(
                            (draft) => {
                              draft.story[part] = value;
                            },
                            { sources: { [path]: 'user' } },
                          )
                        }
                      />
                    }
                    coach={
                      <FieldCoach
                        area={area}
                        fieldLabel={`Brand story: ${label.toLowerCase()}`}
                        fieldPrompt={prompt}
                        field={`authentic.story.${part}`}
                        currentText={data.story[part]}
                        onUse={(text) =>
                          worksheet.update(
                            (draft) => {
                              draft.story[part] = appendText(draft.story[part], text, AUTHENTIC_LIMITS.story);
                            },
                            { sources: { [path]: 'ai' } },
                          )
                        }
                      />
                    }
                  />
                );
              })}
            </div>
          </WorksheetSection>

          <WorksheetSection
            title="Brand promise"
            description="The experience customers can count on, every time."
          >
            <FieldWithCoach
              field={
                <TextAreaField
                  id={fieldAnchor('promise')}
                  label="Brand promise"
                  description="Finish the sentence: “Every time you buy from us, you can count on…”"
                  value={data.promise}
                  maxLength={AUTHENTIC_LIMITS.promise}
                  rows={3}
                  fromCoach={worksheet.sources.promise === 'ai'}
                  onChange={(value) =>
                    worksheet.update(
                      (draft) => {
                        draft.promise = value;
                      },
                      { sources: { promise: 'user' } },
                    )
                  }
                />
              }
              coach={
                <FieldCoach
                  area={area}
                  fieldLabel="Brand promise"
                  fieldPrompt="How do I write a brand promise that is specific enough to keep?"
                  field="authentic.promise"
                  currentText={data.promise}
                  onUse={(text) =>
                    worksheet.update(
                      (draft) => {
                        draft.promise = appendText(draft.promise, text, AUTHENTIC_LIMITS.promise);
                      },
                      { sources: { promise: 'ai' } },
                    )
                  }
                />
              }
            />
          </WorksheetSection>

          <WorksheetSection
            anchor={fieldAnchor('consistency')}
            title="Consistency checklist"
            description="Walk through every touchpoint and mark whether it lives up to your values, story and promise."
          >
            <FieldWithCoach
              field={
                <>
                  {data.consistency.length === 0 ? (
                    <p className="text-slate-700">No touchpoints yet. {TOUCHPOINT_SUGGESTION}.</p>
                  ) : (
                    <ul className="space-y-3" aria-label="Your touchpoints">
                      {data.consistency.map((row, index) => (
                        <RowCard
                          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no ids; position is identity
                          key={index}
                          removeLabel={`touchpoint ${row.touchpoint || index + 1}`}
                          onRemove={() =>
                            worksheet.update((draft) => {
                              draft.consistency.splice(index, 1);
                            })
                          }
                        >
                          <InputField
                            label={`Touchpoint ${index + 1}`}
                            value={row.touchpoint}
                            maxLength={AUTHENTIC_LIMITS.touchpoint}
                            required
                            onChange={(touchpoint) =>
                              worksheet.update((draft) => {
                                const entry = draft.consistency[index];
                                if (entry) entry.touchpoint = touchpoint;
                              })
                            }
                          />
                          <label className="flex min-h-11 items-center gap-3 text-slate-900">
                            <input
                              type="checkbox"
                              className="size-4 accent-brand-700"
                              checked={row.consistent}
                              onChange={(event) =>
                                worksheet.update((draft) => {
                                  const entry = draft.consistency[index];
                                  if (entry) entry.consistent = event.target.checked;
                                })
                              }
                            />
                            Consistent with our values, story and promise
                            <span className="sr-only"> ({row.touchpoint || `touchpoint ${index + 1}`})</span>
                          </label>
                          <InputField
                            label={`Note on ${row.touchpoint || `touchpoint ${index + 1}`}`}
                            value={row.note}
                            maxLength={AUTHENTIC_LIMITS.note}
                            placeholder="What to fix, or why it works"
                            onChange={(note) =>
                              worksheet.update((draft) => {
                                const entry = draft.consistency[index];
                                if (entry) entry.note = note;
                              })
                            }
                          />
                        </RowCard>
                      ))}
                    </ul>
                  )}
                  {data.consistency.length > 0 ? (
                    <p className="text-sm text-slate-700">
                      {data.consistency.filter((row) => row.consistent).length} of {data.consistency.length}{' '}
                      touchpoints consistent.
                    </p>
                  ) : null}
                  <AddRowForm
                    label="Add touchpoint"
                    inputLabel="New touchpoint"
                    maxLength={AUTHENTIC_LIMITS.touchpoint}
                    disabled={data.consistency.length >= AUTHENTIC_LIMITS.touchpoints}
                    disabledReason={`At most ${AUTHENTIC_LIMITS.touchpoints} touchpoints.`}
                    onAdd={(touchpoint) =>
                      worksheet.update((draft) => {
                        draft.consistency.push({ touchpoint, consistent: false, note: '' });
                      })
                    }
                  />
                </>
              }
              coach={
                <FieldCoach
                  area={area}
                  fieldLabel="Consistency checklist"
                  fieldPrompt="Which touchpoints most often break a brand's authenticity, and how do I check them?"
                  currentText={data.consistency
                    .map((row) => `${row.touchpoint}: ${row.consistent ? 'consistent' : 'not consistent'}`)
                    .join('; ')}
                />
              }
            />
          </WorksheetSection>
        </>
      ) : null}
    </ModuleFrame>
  );
}
