import type { EmotionalTrigger } from '../../../core/ai/contracts.ts';
import { fieldAnchor } from '../../../core/knowledge/links.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import { EMPATHETIC_LIMITS } from '../../../core/workspace/limits.ts';
import {
  TRIGGER_DESCRIPTIONS,
  TRIGGER_LABELS,
  TRIGGERS,
} from '../../../core/workspace/trigger-assessment.ts';
import { Button } from '../../components/button.tsx';
import { TagInput } from '../../kit/workspace/tag-input.tsx';
import { useSingletonItem } from '../../kit/workspace/use-workspace-item.ts';
import { TextAreaField, WorksheetSection } from '../../kit/workspace/worksheet-fields.tsx';
import { FieldCoach } from './field-coach.tsx';
import { ModuleFrame } from './module-frame.tsx';
import { MODULES } from './module-info.ts';
import { appendText, FieldWithCoach } from './worksheet-fields.tsx';

type EmpatheticData = ItemData<'empathetic'>;
type Feeling = 'feelingBefore' | 'feelingDuring' | 'feelingAfter';

const FEELINGS: readonly { field: Feeling; label: string; prompt: string }[] = [
  {
    field: 'feelingBefore',
    label: 'Before they buy',
    prompt: 'What are they feeling when they start looking: frustrated, unsure, hopeful, pressed for time?',
  },
  {
    field: 'feelingDuring',
    label: 'While they buy',
    prompt: 'What do they need to feel while choosing and paying: reassured, in control, excited?',
  },
  {
    field: 'feelingAfter',
    label: 'After they buy',
    prompt: 'How do they want to feel once it arrives and they use it? What would make them tell a friend?',
  },
];

const CHANNEL_SUGGESTIONS = [
  'Product reviews',
  'Support emails',
  'Social media comments',
  'Sales calls',
  'Customer interviews',
  'Community forums',
  'Returns reasons',
];

function TriggerRanking({
  ranking,
  onChange,
}: {
  ranking: readonly EmotionalTrigger[];
  onChange(next: EmotionalTrigger[]): void;
}) {
  const unranked = TRIGGERS.filter((trigger) => !ranking.includes(trigger));
  function move(index: number, by: -1 | 1) {
    const next = [...ranking];
    const target = index + by;
    const [moved] = next.splice(index, 1);
    if (!moved || target < 0 || target > ranking.length - 1) return;
    next.splice(target, 0, moved);
    onChange(next);
  }
  return (
    <div className="space-y-4">
      {ranking.length === 0 ? (
        <p className="text-slate-700">
          Nothing ranked yet. Add the trigger that matters most to your customers first.
        </p>
      ) : (
        <ol className="space-y-2" aria-label="Triggers ranked for your brand">
          {ranking.map((trigger, index) => (
            <li
              key={trigger}
              className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2"
            >
              <span className="w-6 text-right font-semibold text-slate-700">{index + 1}.</span>
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-slate-900">{TRIGGER_LABELS[trigger]}</span>
                <span className="block text-sm text-slate-600">{TRIGGER_DESCRIPTIONS[trigger]}</span>
              </span>
              <span className="flex gap-1">
                <Button
                  variant="ghost"
                  className="min-h-9 px-2 py-1"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <span aria-hidden="true">↑</span>
                  <span className="sr-only">Move {TRIGGER_LABELS[trigger]} up</span>
                </Button>
                <Button
                  variant="ghost"
                  className="min-h-9 px-2 py-1"
                  disabled={index === ranking.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <span aria-hidden="true">↓</span>
                  <span className="sr-only">Move {TRIGGER_LABELS[trigger]} down</span>
                </Button>
                <Button
                  variant="ghost"
                  className="min-h-9 px-2 py-1"
                  onClick={() => onChange(ranking.filter((entry) => entry !== trigger))}
                >
                  <span aria-hidden="true">×</span>
                  <span className="sr-only">Remove {TRIGGER_LABELS[trigger]} from the ranking</span>
                </Button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {unranked.length > 0 ? (
        <div className="space-y-2">
          <p className="text-sm font-medium text-slate-800">Add to the ranking (in order of importance):</p>
          <div className="flex flex-wrap gap-2">
            {unranked.map((trigger) => (
              <Button
                key={trigger}
                variant="secondary"
                className="min-h-9 px-3 py-1"
                onClick={() => onChange([...ranking, trigger])}
              >
                + {TRIGGER_LABELS[trigger]}
                <span className="sr-only"> as number {ranking.length + 1}</span>
              </Button>
            ))}
          </div>
        </div>
      ) : (
        <p className="text-sm text-emerald-800">All seven triggers are ranked.</p>
      )}
    </div>
  );
}

export default function EmpatheticPage() {
  const worksheet = useSingletonItem('empathetic');
  const data: EmpatheticData | null = worksheet.data;
  const area = MODULES.empathetic.area;

  function setList(field: 'needs' | 'fears' | 'listeningChannels', tags: string[]) {
    worksheet.update((draft) => {
      draft[field] = tags;
    });
  }

  return (
    <ModuleFrame dimension="empathetic" worksheet={worksheet}>
      {data ? (
        <>
          <WorksheetSection
            title="Feelings around the purchase"
            description="In your customers’ words, how they feel before, during and after buying from you."
          >
            <div className="space-y-8">
              {FEELINGS.map(({ field, label, prompt }) => (
                <FieldWithCoach
                  key={field}
                  field={
                    <TextAreaField
                      id={fieldAnchor(field)}
                      label={label}
                      description={prompt}
                      value={data[field]}
                      maxLength={EMPATHETIC_LIMITS.feeling}
                      rows={3}
                      fromCoach={worksheet.sources[field] === 'ai'}
                      onChange={(value) =>
                        worksheet.update(
                          (draft) => {
                            draft[field] = value;
                          },
                          { sources: { [field]: 'user' } },
                        )
                      }
                    />
                  }
                  coach={
                    <FieldCoach
                      area={area}
                      fieldLabel={`Feeling: ${label.toLowerCase()}`}
                      fieldPrompt={prompt}
                      field={`empathetic.${field}`}
                      currentText={data[field]}
                      onUse={(text) =>
                        worksheet.update(
                          (draft) => {
                            draft[field] = appendText(draft[field], text, EMPATHETIC_LIMITS.feeling);
                          },
                          { sources: { [field]: 'ai' } },
                        )
                      }
                    />
                  }
                />
              ))}
            </div>
          </WorksheetSection>

          <WorksheetSection
            title="Needs and fears"
            description="What pulls customers towards you, and what holds them back."
          >
            <FieldWithCoach
              field={
                <div className="space-y-6">
                  <TagInput
                    id={fieldAnchor('needs')}
                    label="Needs"
                    description="Short phrases, e.g. “lunches that stay fresh”."
                    tags={data.needs}
                    maxTags={EMPATHETIC_LIMITS.tags}
                    maxLength={EMPATHETIC_LIMITS.tag}
                    onChange={(tags) => setList('needs', tags)}
                  />
                  <TagInput
                    id={fieldAnchor('fears')}
                    label="Fears"
                    description="What might stop them buying, e.g. “it leaks in the bag”."
                    tags={data.fears}
                    maxTags={EMPATHETIC_LIMITS.tags}
                    maxLength={EMPATHETIC_LIMITS.tag}
                    onChange={(tags) => setList('fears', tags)}
                  />
                </div>
              }
              coach={
                <FieldCoach
                  area={area}
                  fieldLabel="Needs and fears"
                  fieldPrompt="How do I find and answer the fears that stop customers buying?"
                  currentText={`Needs: ${data.needs.join(', ')}. Fears: ${data.fears.join(', ')}.`}
                />
              }
            />
          </WorksheetSection>

          <WorksheetSection
            anchor={fieldAnchor('triggerRanking')}
            title="The seven triggers, ranked for your brand"
            description="Put the feeling your brand must deliver first. The Insight module’s assessment can help you decide."
          >
            <FieldWithCoach
              field={
                <TriggerRanking
                  ranking={data.triggerRanking}
                  onChange={(next) =>
                    worksheet.update((draft) => {
                      draft.triggerRanking = next;
                    })
                  }
                />
              }
              coach={
                <FieldCoach
                  area={area}
                  fieldLabel="Trigger ranking"
                  fieldPrompt="Which emotional triggers should my brand lead with, and how do I show them?"
                  currentText={data.triggerRanking.map((trigger) => TRIGGER_LABELS[trigger]).join(', ')}
                />
              }
            />
          </WorksheetSection>

          <WorksheetSection
            title="Listening channels"
            description="Where you will hear customers in their own words, regularly."
          >
            <FieldWithCoach
              field={
                <TagInput
                  id={fieldAnchor('listeningChannels')}
                  label="Listening channels"
                  tags={data.listeningChannels}
                  suggestions={CHANNEL_SUGGESTIONS}
                  maxTags={EMPATHETIC_LIMITS.tags}
                  maxLength={EMPATHETIC_LIMITS.tag}
                  onChange={(tags) => setList('listeningChannels', tags)}
                />
              }
              coach={
                <FieldCoach
                  area={area}
                  fieldLabel="Listening channels"
                  fieldPrompt="Where should I listen to customers, and how often?"
                  currentText={data.listeningChannels.join(', ')}
                />
              }
            />
          </WorksheetSection>
        </>
      ) : null}
    </ModuleFrame>
  );
}
