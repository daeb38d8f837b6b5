import { type FormEvent, useId, useState } from 'react';
import type { CopyFormat, EmotionalTrigger } from '../../../core/ai/contracts.ts';
import { COPY_FORMAT_LABELS, COPY_TONE_LABELS, type CopyTone } from '../../../core/ai/copy-limits.ts';
import { VALUE_LENS_BRIEF_LIMITS } from '../../../core/ai/input-limits.ts';
import type { ValueLensRequest } from '../../../core/value-lens/contracts.ts';
import type { WorkspaceItem } from '../../../core/workspace/items.ts';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { type BriefDraft, browserDraftStorage, loadBriefDraft, saveBriefDraft } from './brief-draft.ts';
import { FORMATS, formatDescription, PAYOFF_LABELS, PAYOFFS, TONES } from './options.ts';

export type BriefField = 'product' | 'category' | 'features' | 'audience' | 'format' | 'avatarId';

interface BriefFormProps {
  /** The brand the copy is for; the brief being written is kept per brand (see brief-draft.ts). */
  brandId: string;
  avatars: readonly WorkspaceItem[];
  canvasPercent: number | null;
  pending: boolean;
  serverErrors: Partial<Record<BriefField, string>>;
  onSubmit(request: ValueLensRequest): void;
}

const selectClass =
  'block min-h-11 w-full rounded-lg border border-slate-500 bg-white px-3 text-base text-slate-900';

export function BriefForm({
  brandId,
  avatars,
  canvasPercent,
  pending,
  serverErrors,
  onSubmit,
}: BriefFormProps) {
  const ids = { payoff: useId(), tone: useId(), avatar: useId(), canvas: useId(), features: useId() };
  const [storage] = useState(browserDraftStorage);
  const [draft, setDraft] = useState(() => loadBriefDraft(storage, brandId));
  const { product, category, features, audience, payoff, tone, format, useCanvas } = draft;
  // A remembered avatar that has since been deleted is not offered (or sent).
  const avatarId = avatars.some((item) => item.id === draft.avatarId) ? draft.avatarId : '';
  const [errors, setErrors] = useState<Partial<Record<BriefField, string>>>({});
  const shown = { ...serverErrors, ...errors };

  function change(patch: Partial<BriefDraft> | ((current: BriefDraft) => Partial<BriefDraft>)) {
    setDraft((current) => {
      const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
      saveBriefDraft(storage, brandId, next);
      return next;
    });
  }
  const setProduct = (value: string) => change({ product: value });
  const setCategory = (value: string) => change({ category: value });
  const setFeatures = (update: (current: string[]) => string[]) =>
    change((current) => ({ features: update(current.features) }));
  const setAudience = (value: string) => change({ audience: value });
  const setPayoff = (value: EmotionalTrigger | '') => change({ payoff: value });
  const setTone = (value: CopyTone) => change({ tone: value });
  const setFormat = (value: CopyFormat) => change({ format: value });
  const setAvatarId = (value: string) => change({ avatarId: value });
  const setUseCanvas = (value: boolean) => change({ useCanvas: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const cleanFeatures = features.map((feature) => feature.trim()).filter(Boolean);
    const found: Partial<Record<BriefField, string>> = {};
    if (!product.trim()) found.product = 'Name the product.';
    if (cleanFeatures.length === 0) found.features = 'Add at least one key feature.';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.product ? `${ids.features}-product` : `${ids.features}-0`)?.focus();
      return;
    }
    onSubmit({
      product: product.trim(),
      ...(category.trim() ? { category: category.trim() } : {}),
      features: cleanFeatures,
      ...(audience.trim() ? { audience: audience.trim() } : {}),
      ...(payoff ? { emotionalPayoff: payoff } : {}),
      tone,
      format,
      avatarId: avatarId || null,
      useCanvas,
    });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-6" aria-label="Copy brief">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${ids.features}-product`}
          label="Product"
          value={product}
          maxLength={VALUE_LENS_BRIEF_LIMITS.product}
          required
          error={shown.product}
          onChange={(event) => setProduct(event.target.value)}
        />
        <TextField
          label="Category (optional)"
          description="e.g. breakfast kit, linen shirt"
          value={category}
          maxLength={VALUE_LENS_BRIEF_LIMITS.category}
          error={shown.category}
          onChange={(event) => setCategory(event.target.value)}
        />
      </div>

      <fieldset className="space-y-2" aria-describedby={shown.features ? `${ids.features}-error` : undefined}>
        <legend className="text-sm font-semibold text-slate-900">Key features</legend>
        <p className="text-sm text-slate-600">
          The most important first; up to {VALUE_LENS_BRIEF_LIMITS.features}.
        </p>
        <ol className="space-y-2">
          {features.map((feature, index) => (
            // Rows have no identity beyond their position while being typed.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="flex gap-2">
              <label htmlFor={`${ids.features}-${index}`} className="sr-only">
                Feature {index + 1}
              </label>
              <input
                id={`${ids.features}-${index}`}
                value={feature}
                maxLength={VALUE_LENS_BRIEF_LIMITS.feature}
                onChange={(event) =>
                  setFeatures((current) =>
                    current.map((value, at) => (at === index ? event.target.value : value)),
                  )
                }
                className="block min-h-11 w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
              />
              {features.length > 1 ? (
                <Button
                  variant="secondary"
                  className="shrink-0 px-3"
                  onClick={() => setFeatures((current) => current.filter((_, at) => at !== index))}
                >
                  Remove<span className="sr-only"> feature {index + 1}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
        {shown.features ? (
          <p id={`${ids.features}-error`} className="text-sm font-medium text-red-700">
            {shown.features}
          </p>
        ) : null}
        <Button
          variant="ghost"
          disabled={features.length >= VALUE_LENS_BRIEF_LIMITS.features}
          onClick={() => setFeatures((current) => [...current, ''])}
        >
          Add a feature
        </Button>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Audience (optional)"
          description="Left empty, the chosen avatar is the audience."
          value={audience}
          maxLength={VALUE_LENS_BRIEF_LIMITS.audience}
          error={shown.audience}
          onChange={(event) => setAudience(event.target.value)}
        />
        <div className="space-y-1.5">
          <label htmlFor={ids.payoff} className="block text-sm font-semibold text-slate-900">
            Emotional payoff (optional)
          </label>
          <p id={`${ids.payoff}-hint`} className="text-sm text-slate-600">
            Not set, the chosen avatar’s first emotional trigger is used.
          </p>
          <select
            id={ids.payoff}
            aria-describedby={`${ids.payoff}-hint`}
            value={payoff}
            onChange={(event) => setPayoff(event.target.value as EmotionalTrigger | '')}
            className={selectClass}
          >
            <option value="">Not set</option>
            {PAYOFFS.map((trigger) => (
              <option key={trigger} value={trigger}>
                {PAYOFF_LABELS[trigger]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={ids.tone} className="block text-sm font-semibold text-slate-900">
            Tone
          </label>
          <select
            id={ids.tone}
            value={tone}
            onChange={(event) => setTone(event.target.value as CopyTone)}
            className={selectClass}
          >
            {TONES.map((option) => (
              <option key={option} value={option}>
                {COPY_TONE_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={ids.avatar} className="block text-sm font-semibold text-slate-900">
            Write for an avatar (optional)
          </label>
          <select
            id={ids.avatar}
            value={avatarId}
            onChange={(event) => setAvatarId(event.target.value)}
            className={selectClass}
            aria-invalid={shown.avatarId ? true : undefined}
          >
            <option value="">No avatar</option>
            {avatars.map((item) => (
              <option key={item.id} value={item.id ?? ''}>
                {typeof item.data.name === 'string' ? item.data.name : 'Avatar'}
              </option>
            ))}
          </select>
          {shown.avatarId ? <p className="text-sm font-medium text-red-700">{shown.avatarId}</p> : null}
        </div>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Format</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {FORMATS.map((option) => (
            <label
              key={option}
              className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="format"
                value={option}
                checked={format === option}
                onChange={() => setFormat(option)}
                className="mt-1 size-4"
              />
              <span>
                <span className="block font-medium text-slate-900">{COPY_FORMAT_LABELS[option]}</span>
                <span className="block text-xs text-slate-600">{formatDescription(option)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="flex items-start gap-3">
        <input
          id={ids.canvas}
          type="checkbox"
          checked={useCanvas}
          onChange={(event) => setUseCanvas(event.target.checked)}
          className="mt-1 size-5"
          aria-describedby={`${ids.canvas}-hint`}
        />
        <div>
          <label htmlFor={ids.canvas} className="font-medium text-slate-900">
            Use my brand canvas as context
          </label>
          <p id={`${ids.canvas}-hint`} className="text-sm text-slate-600">
            Positioning, value proposition, values, personality and voice
            {canvasPercent !== null ? ` (your canvas is ${canvasPercent}% complete)` : ''}.
          </p>
        </div>
      </div>

      <Button type="submit" size="lg" pending={pending} pendingLabel="Writing copy…">
        Write copy
      </Button>
    </form>
  );
}
