/**
 * One customer avatar: name, demographics, psychology, buying behaviour and voice of customer.
 * Every change saves itself (useItem); the PDF report downloads what is saved, after sending any
 * pending change.
 */
import { useMutation } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { fieldAnchor } from '../../../core/knowledge/links.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import type { AvatarData } from '../../../core/workspace/avatar.ts';
import {
  AGE_BAND_LABELS,
  AVATAR_DECISION_FACTOR_MAX_LENGTH,
  AVATAR_TAG_LIMITS,
  AVATAR_TEXT_LIMITS,
  AVATAR_TRIGGER_DESCRIPTIONS,
  BUYER_INTENT_LABELS,
  INCOME_BAND_LABELS,
  LOCATION_TYPE_LABELS,
  PRICE_SENSITIVITY_LABELS,
  SHOPPER_TYPE_LABELS,
  TAG_SUGGESTIONS,
} from '../../../core/workspace/avatar-profile.ts';
import { TRIGGER_LABELS, TRIGGERS } from '../../../core/workspace/trigger-assessment.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxGroup } from '../../components/choice-group.tsx';
import { optionsOf, SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { RevisionHistory } from '../../kit/workspace/revision-history.tsx';
import { TagInput } from '../../kit/workspace/tag-input.tsx';
import { type ItemController, useItem } from '../../kit/workspace/use-workspace-item.ts';
import { TextAreaField, WorksheetSection } from '../../kit/workspace/worksheet-fields.tsx';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { saveFile } from '../../lib/save-file.ts';
import { avatarsApi } from './api.ts';

import { VoiceSection } from './voice-section.tsx';

const AGE_OPTIONS = optionsOf(AGE_BAND_LABELS);
const INCOME_OPTIONS = optionsOf(INCOME_BAND_LABELS);
const LOCATION_OPTIONS = optionsOf(LOCATION_TYPE_LABELS);
const INTENT_OPTIONS = optionsOf(BUYER_INTENT_LABELS);
const SHOPPER_OPTIONS = optionsOf(SHOPPER_TYPE_LABELS);
const PRICE_OPTIONS = optionsOf(PRICE_SENSITIVITY_LABELS);
const TRIGGER_CHOICES = TRIGGERS.map((trigger) => ({
  value: trigger,
  label: TRIGGER_LABELS[trigger],
  description: AVATAR_TRIGGER_DESCRIPTIONS[trigger],
}));

type TagField = 'values' | 'fears' | 'desires';

const TAG_FIELDS: { field: TagField; label: string; description: string }[] = [
  { field: 'values', label: 'Values', description: 'What matters to them when they choose.' },
  { field: 'fears', label: 'Fears', description: 'What worries them before buying — what could go wrong.' },
  { field: 'desires', label: 'Desires', description: 'What they want to feel or achieve.' },
];

/** Chips for one list: what the review analysis suggests first, then general starting points. */
function suggestionsFor(data: AvatarData, field: TagField): string[] {
  const fromReviews = data.voice.analysis?.suggestions[field] ?? [];
  return [...new Set([...fromReviews, ...TAG_SUGGESTIONS[field]])].slice(0, 10);
}

function PdfButton({ controller, name }: { controller: ItemController<AvatarData>; name: string }) {
  const itemId = controller.item?.id ?? null;
  const download = useMutation({
    mutationFn: async () => {
      // The report is built from the saved avatar: send what is pending first.
      await controller.flush();
      return avatarsApi.downloadAvatarPdf(itemId as string);
    },
    onSuccess: (file) => saveFile(file.blob, file.filename ?? 'avatar.pdf'),
  });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        disabled={!itemId}
        pending={download.isPending}
        pendingLabel="Preparing PDF…"
        onClick={() => download.mutate()}
      >
        Download PDF<span className="sr-only"> of {name}</span>
      </Button>
      {download.isError ? <Alert tone="error">{describeError(download.error)}</Alert> : null}
    </div>
  );
}

function AvatarEditor({ controller, data }: { controller: ItemController<AvatarData>; data: AvatarData }) {
  const { update } = controller;
  const detected = data.voice.analysis?.triggers.map((entry) => TRIGGER_LABELS[entry.trigger]) ?? [];

  return (
    <div className="space-y-6">
      <WorksheetSection title="Name">
        <TextField
          label="Avatar name"
          value={data.name}
          maxLength={AVATAR_TEXT_LIMITS.name}
          required
          error={data.name.trim() === '' ? 'Give the avatar a name; it is saved once it has one.' : undefined}
          onChange={(event) => {
            const value = event.target.value;
            update((draft) => {
              draft.name = value;
            });
          }}
        />
      </WorksheetSection>

      <WorksheetSection
        title="Demographics"
        description="Broad bands are enough: they keep the avatar recognisable."
      >
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <SelectField
            id={fieldAnchor('demographics.ageBand')}
            emptyLabel="Not set"
            label="Age band"
            value={data.demographics.ageBand}
            options={AGE_OPTIONS}
            onChange={(value) =>
              update((draft) => {
                draft.demographics.ageBand = value;
              })
            }
          />
          <SelectField
            id={fieldAnchor('demographics.incomeBand')}
            emptyLabel="Not set"
            label="Income band"
            value={data.demographics.incomeBand}
            options={INCOME_OPTIONS}
            onChange={(value) =>
              update((draft) => {
                draft.demographics.incomeBand = value;
              })
            }
          />
          <SelectField
            id={fieldAnchor('demographics.locationType')}
            emptyLabel="Not set"
            label="Location type"
            value={data.demographics.locationType}
            options={LOCATION_OPTIONS}
            onChange={(value) =>
              update((draft) => {
                draft.demographics.locationType = value;
              })
            }
          />
        </div>
        <TextField
          id={fieldAnchor('demographics.occupation')}
          label="Occupation"
          value={data.demographics.occupation}
          maxLength={AVATAR_TEXT_LIMITS.occupation}
          onChange={(event) => {
            const value = event.target.value;
            update((draft) => {
              draft.demographics.occupation = value;
            });
          }}
        />
        <TextAreaField
          id={fieldAnchor('demographics.lifestyle')}
          label="Lifestyle"
          description="A day in their life: where they spend time, what fills their week."
          value={data.demographics.lifestyle}
          maxLength={AVATAR_TEXT_LIMITS.lifestyle}
          rows={3}
          onChange={(value) =>
            update((draft) => {
              draft.demographics.lifestyle = value;
            })
          }
        />
      </WorksheetSection>

      <WorksheetSection
        title="Psychology"
        description="Type and press Enter, or pick a suggestion. Suggestions from analysed reviews come first."
      >
        {TAG_FIELDS.map(({ field, label, description }) => (
          <TagInput
            key={field}
            id={fieldAnchor(`psychology.${field}`)}
            label={label}
            description={description}
            tags={data.psychology[field]}
            maxTags={AVATAR_TAG_LIMITS[field]}
            suggestions={suggestionsFor(data, field)}
            onChange={(tags) =>
              update((draft) => {
                draft.psychology[field] = tags;
              })
            }
          />
        ))}
        <CheckboxGroup
          anchor={fieldAnchor('psychology.triggers')}
          legend="Emotional triggers"
          description={
            detected.length > 0
              ? `Which feelings move them to buy? Detected in their reviews: ${detected.join(', ')}.`
              : 'Which feelings move them to buy? Choose any of the seven.'
          }
          choices={TRIGGER_CHOICES}
          selected={data.psychology.triggers}
          onToggle={(trigger, checked) =>
            update((draft) => {
              const without = draft.psychology.triggers.filter((existing) => existing !== trigger);
              // Kept in the framework's order, whatever order they were ticked in.
              draft.psychology.triggers = checked
                ? TRIGGERS.filter((each) => each === trigger || without.includes(each))
                : without;
            })
          }
        />
      </WorksheetSection>

      <WorksheetSection title="Buying behaviour">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <SelectField
            id={fieldAnchor('buying.intentType')}
            emptyLabel="Not set"
            label="Intent type"
            description="Where they usually are when they find you."
            value={data.buying.intentType}
            options={INTENT_OPTIONS}
            onChange={(value) =>
              update((draft) => {
                draft.buying.intentType = value;
              })
            }
          />
          <SelectField
            id={fieldAnchor('buying.shoppingStyle')}
            emptyLabel="Not set"
            label="Shopping style"
            description="What mostly decides a purchase."
            value={data.buying.shoppingStyle}
            options={SHOPPER_OPTIONS}
            onChange={(value) =>
              update((draft) => {
                draft.buying.shoppingStyle = value;
              })
            }
          />
          <SelectField
            id={fieldAnchor('buying.priceSensitivity')}
            emptyLabel="Not set"
            label="Price sensitivity"
            description="How much price weighs."
            value={data.buying.priceSensitivity}
            options={PRICE_OPTIONS}
            onChange={(value) =>
              update((draft) => {
                draft.buying.priceSensitivity = value;
              })
            }
          />
        </div>
        <TagInput
          id={fieldAnchor('buying.decisionFactors')}
          label="Decision factors"
          description="What they check before buying."
          tags={data.buying.decisionFactors}
          maxTags={AVATAR_TAG_LIMITS.decisionFactors}
          maxLength={AVATAR_DECISION_FACTOR_MAX_LENGTH}
          suggestions={TAG_SUGGESTIONS.decisionFactors}
          onChange={(tags) =>
            update((draft) => {
              draft.buying.decisionFactors = tags;
            })
          }
        />
      </WorksheetSection>

      <WorksheetSection
        title="Voice of customer"
        description="What customers like this avatar actually say. The analysis finds what they talk about, how they feel and which of the avatar’s values, fears and desires they confirm."
      >
        <VoiceSection controller={controller} data={data} />
      </WorksheetSection>

      <RevisionHistory controller={controller} />
    </div>
  );
}

export default function AvatarPage() {
  const { itemId = '' } = useParams();
  const controller = useItem<AvatarData>(itemId);
  const { data } = controller;
  const notFound = isApiError(controller.loadError) && controller.loadError.status === 404;
  const wrongKind = controller.item !== null && controller.item.kind !== 'avatar';

  return (
    <WorkspacePage
      title={data && !wrongKind ? data.name.trim() || 'Avatar' : 'Avatar'}
      {...(notFound ? {} : { controller })}
      actions={
        <>
          <TextLink to={PAGE_PATHS.avatars} className="inline-flex min-h-11 items-center">
            All avatars
          </TextLink>
          {data && !wrongKind ? <PdfButton controller={controller} name={data.name} /> : null}
        </>
      }
    >
      {notFound || wrongKind ? (
        <Alert tone="error" title="This avatar doesn’t exist">
          It may have been deleted, or it belongs to another account.{' '}
          <TextLink to={PAGE_PATHS.avatars}>See your avatars</TextLink>
        </Alert>
      ) : data ? (
        <AvatarEditor controller={controller} data={data} />
      ) : null}
    </WorkspacePage>
  );
}
