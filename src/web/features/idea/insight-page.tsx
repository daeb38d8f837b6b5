import { fieldAnchor } from '../../../core/knowledge/links.ts';
import {
  INSIGHT_STEPS,
  SHOPPER_TYPE_DESCRIPTIONS,
  SHOPPER_TYPE_LABELS,
  SHOPPER_TYPE_ORDER,
} from '../../../core/workspace/insight-worksheet.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import { INSIGHT_LIMITS } from '../../../core/workspace/limits.ts';
import {
  TRIGGER_DESCRIPTIONS,
  TRIGGER_LABELS,
  TRIGGERS,
} from '../../../core/workspace/trigger-assessment.ts';
import { CheckboxGroup, RadioGroup } from '../../components/choice-group.tsx';
import { useSingletonItem } from '../../kit/workspace/use-workspace-item.ts';
import { TextAreaField, WorksheetSection } from '../../kit/workspace/worksheet-fields.tsx';
import { FieldCoach } from './field-coach.tsx';
import { ModuleFrame } from './module-frame.tsx';
import { MODULES } from './module-info.ts';
import { SnapshotsSection } from './snapshots-section.tsx';
import { TriggerAssessmentSection } from './trigger-assessment-section.tsx';
import { appendText, FieldWithCoach } from './worksheet-fields.tsx';

type InsightData = ItemData<'insight'>;
type InsightText = keyof typeof INSIGHT_LIMITS;

const [intentStep, motivationStep, triggersStep, shopperStep, demographicsStep] = INSIGHT_STEPS;

export default function InsightPage() {
  const worksheet = useSingletonItem('insight');
  const assessment = useSingletonItem('trigger-assessment');
  const data: InsightData | null = worksheet.data;
  const area = MODULES.insight.area;

  function setText(field: InsightText, value: string) {
    worksheet.update(
      (draft) => {
        draft[field] = value;
      },
      { sources: { [field]: 'user' } },
    );
  }

  function coachTextHandler(field: InsightText) {
    return (text: string) =>
      worksheet.update(
        (draft) => {
          draft[field] = appendText(draft[field], text, INSIGHT_LIMITS[field]);
        },
        { sources: { [field]: 'ai' } },
      );
  }

  function textField(field: InsightText, label: string, description?: string) {
    return (
      <TextAreaField
        id={fieldAnchor(field)}
        label={label}
        description={description}
        value={data?.[field] ?? ''}
        maxLength={INSIGHT_LIMITS[field]}
        fromCoach={worksheet.sources[field] === 'ai'}
        onChange={(value) => setText(field, value)}
      />
    );
  }

  function coach(field: InsightText, label: string, prompt: string) {
    return (
      <FieldCoach
        area={area}
        fieldLabel={label}
        fieldPrompt={prompt}
        field={`insight.${field}`}
        currentText={data?.[field] ?? ''}
        guidance
        onUse={coachTextHandler(field)}
      />
    );
  }

  return (
    <ModuleFrame dimension="insight" worksheet={worksheet}>
      {data ? (
        <>
          <WorksheetSection
            title="Worksheet: why your customers buy"
            description="Five steps. Everything you type is saved as you go."
          >
            <div className="space-y-8">
              <FieldWithCoach
                field={textField('buyerIntent', `1. ${intentStep.title}`, intentStep.prompt)}
                coach={coach('buyerIntent', intentStep.title, intentStep.prompt)}
              />
              <FieldWithCoach
                field={textField('buyerMotivation', `2. ${motivationStep.title}`, motivationStep.prompt)}
                coach={coach('buyerMotivation', motivationStep.title, motivationStep.prompt)}
              />
              <FieldWithCoach
                field={
                  <>
                    <CheckboxGroup
                      anchor={fieldAnchor('emotionalTriggers')}
                      legend={`3. ${triggersStep.title}`}
                      description={triggersStep.prompt}
                      choices={TRIGGERS.map((trigger) => ({
                        value: trigger,
                        label: TRIGGER_LABELS[trigger],
                        description: TRIGGER_DESCRIPTIONS[trigger],
                      }))}
                      selected={data.emotionalTriggers}
                      onToggle={(trigger, checked) =>
                        worksheet.update(
                          (draft) => {
                            draft.emotionalTriggers = checked
                              ? TRIGGERS.filter(
                                  (entry) => entry === trigger || draft.emotionalTriggers.includes(entry),
                                )
                              : draft.emotionalTriggers.filter((entry) => entry !== trigger);
                          },
                          { sources: { emotionalTriggers: 'user' } },
                        )
                      }
                    />
                    {textField(
                      'triggerNotes',
                      'Notes on triggers',
                      'Where do you see these feelings in what customers say?',
                    )}
                  </>
                }
                coach={coach('triggerNotes', triggersStep.title, triggersStep.prompt)}
              />
              <FieldWithCoach
                field={
                  <>
                    <RadioGroup
                      anchor={fieldAnchor('shopperType')}
                      name="shopper-type"
                      legend={`4. ${shopperStep.title}`}
                      description={shopperStep.prompt}
                      choices={SHOPPER_TYPE_ORDER.map((type) => ({
                        value: type,
                        label: SHOPPER_TYPE_LABELS[type],
                        description: SHOPPER_TYPE_DESCRIPTIONS[type],
                      }))}
                      value={data.shopperType}
                      onChange={(type) =>
                        worksheet.update(
                          (draft) => {
                            draft.shopperType = type;
                          },
                          { sources: { shopperType: 'user' } },
                        )
                      }
                    />
                    {textField(
                      'shopperNotes',
                      'Notes on shopper type',
                      'What makes you sure? Any second type worth serving?',
                    )}
                  </>
                }
                coach={coach('shopperNotes', shopperStep.title, shopperStep.prompt)}
              />
              <FieldWithCoach
                field={textField('demographics', `5. ${demographicsStep.title}`, demographicsStep.prompt)}
                coach={coach('demographics', demographicsStep.title, demographicsStep.prompt)}
              />
            </div>
          </WorksheetSection>
          <TriggerAssessmentSection
            assessment={assessment}
            onUseResult={(triggers) =>
              worksheet.update(
                (draft) => {
                  draft.emotionalTriggers = TRIGGERS.filter((entry) => triggers.includes(entry));
                },
                { sources: { emotionalTriggers: 'user' } },
              )
            }
          />
          <SnapshotsSection
            flushPending={async () => {
              await Promise.all([worksheet.flush(), assessment.flush()]);
            }}
          />
        </>
      ) : null}
    </ModuleFrame>
  );
}
