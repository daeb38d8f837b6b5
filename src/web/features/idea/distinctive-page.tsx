import { useState } from 'react';
import { fieldAnchor } from '../../../core/knowledge/links.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import { DISTINCTIVE_LIMITS } from '../../../core/workspace/limits.ts';
// Type-only: the schemas module carries zod, which no page needs to draw itself.
import type { ASSET_CONSISTENCY, DISTINCTIVE_ASSET_TYPES } from '../../../core/workspace/modules.ts';
import { SelectField } from '../../components/select-field.tsx';
import { useSingletonItem } from '../../kit/workspace/use-workspace-item.ts';
import { TextAreaField, WorksheetSection } from '../../kit/workspace/worksheet-fields.tsx';
import { FieldCoach } from './field-coach.tsx';
import { ModuleFrame } from './module-frame.tsx';
import { MODULES } from './module-info.ts';
import { AddRowForm, InputField, RowCard } from './row-editor.tsx';
import { appendText, FieldWithCoach } from './worksheet-fields.tsx';

type AssetType = (typeof DISTINCTIVE_ASSET_TYPES)[number];
type Consistency = (typeof ASSET_CONSISTENCY)[number];

const ASSET_TYPE_LABELS: Record<AssetType, string> = {
  colour: 'Colour',
  shape: 'Shape',
  logo: 'Logo or symbol',
  character: 'Character or mascot',
  sound: 'Sound or jingle',
  phrase: 'Phrase or tagline',
  typography: 'Typography',
  packaging: 'Packaging',
  other: 'Other',
};
const CONSISTENCY_LABELS: Record<Consistency, string> = {
  always: 'Always used',
  mostly: 'Mostly used',
  sometimes: 'Sometimes used',
  rarely: 'Rarely used',
};
// The Record types above make a missing or unknown type a compile error, so the options stay complete.
const assetTypeOptions = (Object.keys(ASSET_TYPE_LABELS) as AssetType[]).map((value) => ({
  value,
  label: ASSET_TYPE_LABELS[value],
}));
const consistencyOptions = (Object.keys(CONSISTENCY_LABELS) as Consistency[]).map((value) => ({
  value,
  label: CONSISTENCY_LABELS[value],
}));

const POSITIONING_PROMPT =
  'For [who], [brand] is the [what] that [why it is the better choice], because [proof].';

export default function DistinctivePage() {
  const worksheet = useSingletonItem('distinctive');
  const data: ItemData<'distinctive'> | null = worksheet.data;
  const area = MODULES.distinctive.area;
  const [newType, setNewType] = useState<AssetType>('colour');
  const [newConsistency, setNewConsistency] = useState<Consistency>('always');

  return (
    <ModuleFrame dimension="distinctive" worksheet={worksheet}>
      {data ? (
        <>
          <WorksheetSection
            anchor={fieldAnchor('assets')}
            title="Distinctive assets"
            description="Everything that could tell customers it is you without your name: colours, shapes, characters, sounds, phrases. Rate how consistently each is used."
          >
            <FieldWithCoach
              field={
                <>
                  {data.assets.length === 0 ? (
                    <p className="text-slate-700">No assets listed yet. Add the first one below.</p>
                  ) : (
                    <ul className="space-y-3" aria-label="Your distinctive assets">
                      {data.assets.map((asset, index) => (
                        <RowCard
                          // Rows have no ids; the position is the identity while the list is edited in place.
                          // biome-ignore lint/suspicious/noArrayIndexKey: see above
                          key={index}
                          removeLabel={`asset ${index + 1}`}
                          onRemove={() =>
                            worksheet.update((draft) => {
                              draft.assets.splice(index, 1);
                            })
                          }
                        >
                          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                            <SelectField
                              compact
                              label={`Asset ${index + 1} type`}
                              value={asset.type}
                              options={assetTypeOptions}
                              onChange={(value) =>
                                worksheet.update((draft) => {
                                  const row = draft.assets[index];
                                  if (row) row.type = value;
                                })
                              }
                            />
                            <SelectField
                              compact
                              label={`Asset ${index + 1} consistency`}
                              value={asset.consistency}
                              options={consistencyOptions}
                              onChange={(value) =>
                                worksheet.update((draft) => {
                                  const row = draft.assets[index];
                                  if (row) row.consistency = value;
                                })
                              }
                            />
                          </div>
                          <InputField
                            label={`Asset ${index + 1} description`}
                            value={asset.description}
                            maxLength={DISTINCTIVE_LIMITS.assetDescription}
                            required
                            onChange={(value) =>
                              worksheet.update((draft) => {
                                const row = draft.assets[index];
                                if (row) row.description = value;
                              })
                            }
                          />
                        </RowCard>
                      ))}
                    </ul>
                  )}
                  <AddRowForm
                    label="Add asset"
                    inputLabel="New asset: describe it"
                    maxLength={DISTINCTIVE_LIMITS.assetDescription}
                    disabled={data.assets.length >= DISTINCTIVE_LIMITS.assets}
                    disabledReason={`At most ${DISTINCTIVE_LIMITS.assets} assets.`}
                    extra={
                      <>
                        <SelectField
                          compact
                          label="Type"
                          value={newType}
                          options={assetTypeOptions}
                          onChange={(value) => setNewType(value)}
                        />
                        <SelectField
                          compact
                          label="Consistency"
                          value={newConsistency}
                          options={consistencyOptions}
                          onChange={(value) => setNewConsistency(value)}
                        />
                      </>
                    }
                    onAdd={(description) =>
                      worksheet.update((draft) => {
                        draft.assets.push({ type: newType, description, consistency: newConsistency });
                      })
                    }
                  />
                </>
              }
              coach={
                <FieldCoach
                  area={area}
                  fieldLabel="Distinctive assets"
                  fieldPrompt="Which of my brand assets could become distinctive, and how do I use them consistently?"
                  currentText={data.assets
                    .map(
                      (asset) =>
                        `${ASSET_TYPE_LABELS[asset.type]}: ${asset.description} (${CONSISTENCY_LABELS[asset.consistency]})`,
                    )
                    .join('; ')}
                />
              }
            />
          </WorksheetSection>

          <WorksheetSection
            anchor={fieldAnchor('differentiators')}
            title="Differentiators"
            description="Name the competitors customers actually compare you with, and what you do differently in words a customer would use."
          >
            <FieldWithCoach
              field={
                <>
                  {data.differentiators.length === 0 ? (
                    <p className="text-slate-700">No competitors yet. Add the one customers mention most.</p>
                  ) : (
                    <ul className="space-y-3" aria-label="Your differentiators">
                      {data.differentiators.map((row, index) => (
                        <RowCard
                          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no ids; position is identity
                          key={index}
                          removeLabel={`competitor ${row.competitor || index + 1}`}
                          onRemove={() =>
                            worksheet.update((draft) => {
                              draft.differentiators.splice(index, 1);
                            })
                          }
                        >
                          <InputField
                            label={`Competitor ${index + 1}`}
                            value={row.competitor}
                            maxLength={DISTINCTIVE_LIMITS.competitor}
                            required
                            onChange={(value) =>
                              worksheet.update((draft) => {
                                const entry = draft.differentiators[index];
                                if (entry) entry.competitor = value;
                              })
                            }
                          />
                          <TextAreaField
                            label={`How you differ from ${row.competitor || `competitor ${index + 1}`}`}
                            value={row.difference}
                            maxLength={DISTINCTIVE_LIMITS.difference}
                            rows={3}
                            onChange={(value) =>
                              worksheet.update((draft) => {
                                const entry = draft.differentiators[index];
                                if (entry) entry.difference = value;
                              })
                            }
                          />
                        </RowCard>
                      ))}
                    </ul>
                  )}
                  <AddRowForm
                    label="Add competitor"
                    inputLabel="Competitor name"
                    maxLength={DISTINCTIVE_LIMITS.competitor}
                    disabled={data.differentiators.length >= DISTINCTIVE_LIMITS.differentiators}
                    disabledReason={`At most ${DISTINCTIVE_LIMITS.differentiators} competitors.`}
                    onAdd={(competitor) =>
                      worksheet.update((draft) => {
                        draft.differentiators.push({ competitor, difference: '' });
                      })
                    }
                  />
                </>
              }
              coach={
                <FieldCoach
                  area={area}
                  fieldLabel="Differentiators"
                  fieldPrompt="How do I find a difference from competitors that customers actually care about?"
                  currentText={data.differentiators
                    .map((row) => `${row.competitor}: ${row.difference}`)
                    .join('; ')}
                />
              }
            />
          </WorksheetSection>

          <WorksheetSection
            title="Positioning draft"
            description="Who it is for, what it is, and why it is the better choice for them."
          >
            <FieldWithCoach
              field={
                <TextAreaField
                  id={fieldAnchor('positioning')}
                  label="Positioning statement"
                  description={`A pattern to start from: ${POSITIONING_PROMPT}`}
                  value={data.positioning}
                  maxLength={DISTINCTIVE_LIMITS.positioning}
                  fromCoach={worksheet.sources.positioning === 'ai'}
                  onChange={(value) =>
                    worksheet.update(
                      (draft) => {
                        draft.positioning = value;
                      },
                      { sources: { positioning: 'user' } },
                    )
                  }
                />
              }
              coach={
                <FieldCoach
                  area={area}
                  fieldLabel="Positioning statement"
                  fieldPrompt="How do I write a positioning statement I can say in one breath?"
                  field="distinctive.positioning"
                  currentText={data.positioning}
                  onUse={(text) =>
                    worksheet.update(
                      (draft) => {
                        draft.positioning = appendText(
                          draft.positioning,
                          text,
                          DISTINCTIVE_LIMITS.positioning,
                        );
                      },
                      { sources: { positioning: 'ai' } },
                    )
                  }
                />
              }
            />
          </WorksheetSection>
        </>
      ) : null}
    </ModuleFrame>
  );
}
