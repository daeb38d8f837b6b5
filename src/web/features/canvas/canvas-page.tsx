/**
 * The brand canvas: nine fields (the tagline optional) that autosave, per-field coach suggestions (critique beside the
 * field, rewrite only on Accept or Edit), import from the IDEA worksheets and an avatar, completion,
 * revision history and a PDF export.
 */
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { countOf, plural } from '../../../core/text/plural.ts';
import { canvasCompletion } from '../../../core/workspace/canvas-completion.ts';
import { CANVAS_FIELD_INFO, type CanvasKey, isCanvasTagKey } from '../../../core/workspace/canvas-fields.ts';
import { cleanTags } from '../../../core/workspace/canvas-import.ts';
import { acceptedValue } from '../../../core/workspace/canvas-suggestion.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { RevisionHistory } from '../../kit/workspace/revision-history.tsx';
import { useSingletonItem } from '../../kit/workspace/use-workspace-item.ts';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { describeError } from '../../lib/api-client.ts';
import { saveFile } from '../../lib/save-file.ts';
import { canvasApi } from './api.ts';
import { CanvasField } from './canvas-field.tsx';
import { CompletionMeter } from './completion-meter.tsx';
import { ImportPanel } from './import-panel.tsx';

type CanvasData = ItemData<'canvas'>;

function setField(draft: CanvasData, key: CanvasKey, value: string | string[]): void {
  if (isCanvasTagKey(key)) {
    if (Array.isArray(value)) draft[key] = value;
  } else if (typeof value === 'string') {
    draft[key] = value;
  }
}

export default function CanvasPage() {
  const canvas = useSingletonItem('canvas');
  const { brand } = useCurrentBrand();
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  const data = canvas.data;
  const brandId = canvas.brandId;
  const completion = useMemo(() => (data ? canvasCompletion(data) : null), [data]);

  const pdf = useMutation({
    mutationFn: async () => {
      if (!brandId) throw new Error('No brand selected');
      // The PDF is made from the saved copy: send what is pending first.
      await canvas.flush();
      const file = await canvasApi.downloadCanvasPdf(brandId);
      saveFile(file.blob, file.filename ?? 'brand-canvas.pdf');
    },
  });

  function type(key: CanvasKey, value: string | string[]) {
    canvas.update((draft) => setField(draft, key, value), { sources: { [key]: 'user' } });
  }

  function apply(key: CanvasKey, text: string, fromCoach: boolean) {
    const value = acceptedValue(key, text);
    canvas.update(
      (draft) => {
        // Accepted tags join the user's own rather than replacing them.
        if (isCanvasTagKey(key) && Array.isArray(value)) draft[key] = cleanTags([...draft[key], ...value]);
        else setField(draft, key, value);
      },
      { sources: { [key]: fromCoach ? 'ai' : 'user' } },
    );
  }

  return (
    <WorkspacePage
      title="Brand canvas"
      intro={
        <p>
          Your brand on one page. Everything saves as you type. Ask the coach about any field: its critique
          stays beside the field, and its rewrite goes in only if you accept it.
        </p>
      }
      controller={canvas}
      actions={
        <>
          <Button
            variant="secondary"
            aria-expanded={importing}
            onClick={() => {
              setImported(null);
              setImporting((open) => !open);
            }}
            disabled={!data}
          >
            Import from IDEA work
          </Button>
          <Button
            variant="secondary"
            pending={pdf.isPending}
            pendingLabel="Preparing PDF…"
            disabled={!data}
            onClick={() => pdf.mutate()}
          >
            Download PDF
          </Button>
        </>
      }
    >
      {data && completion && brandId ? (
        <div className="space-y-6">
          {pdf.error ? <Alert tone="error">{describeError(pdf.error)}</Alert> : null}
          {imported !== null ? (
            <Alert tone="success">
              {imported === 0
                ? 'Nothing was imported.'
                : `Imported ${countOf(imported, 'field')}. Review ${plural(imported, 'it', 'them')} below; ${plural(imported, 'it saves', 'they save')} automatically.`}
            </Alert>
          ) : null}
          <CompletionMeter completion={completion} />
          {importing ? (
            <ImportPanel
              brandId={brandId}
              canvas={data}
              sources={canvas.sources}
              onClose={() => setImporting(false)}
              onApply={(result) => {
                canvas.update(
                  (draft) => {
                    for (const key of result.changed) setField(draft, key, result.data[key]);
                  },
                  { sources: Object.fromEntries(result.changed.map((key) => [key, 'user' as const])) },
                );
                setImported(result.changed.length);
                setImporting(false);
              }}
            />
          ) : null}
          <form aria-label="Brand canvas" className="space-y-6" onSubmit={(event) => event.preventDefault()}>
            {CANVAS_FIELD_INFO.map((field) => (
              <CanvasField
                key={field.key}
                field={field}
                data={data}
                fromCoach={canvas.sources[field.key] === 'ai'}
                brandId={brandId}
                brandName={brand?.name ?? null}
                onType={(value) => type(field.key, value)}
                onApply={(text, fromCoach) => apply(field.key, text, fromCoach)}
              />
            ))}
          </form>
          <RevisionHistory controller={canvas} />
        </div>
      ) : null}
    </WorkspacePage>
  );
}
