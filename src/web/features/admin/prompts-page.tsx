import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { AdminPromptList } from '../../../core/ai/admin-contracts.ts';
import type { AiTask, AiTaskResponse } from '../../../core/ai/contracts.ts';
import { PROMPT_BODY_LIMITS } from '../../../core/ai/input-limits.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { cx } from '../../components/cx.ts';
import { InlineSelect } from '../../components/inline-select.tsx';
import { MarkdownText } from '../../kit/coach/markdown.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { describeError } from '../../lib/api-client.ts';
import { formatWhen } from '../../lib/format-date.ts';
import { AdminFrame, LoadState, Section } from './admin-parts.tsx';
import { AdminTable } from './admin-table.tsx';
import { adminApi } from './api.ts';
import { adminKeys, promptsQuery } from './queries.ts';

type Prompt = AdminPromptList['prompts'][number];
type Version = Prompt['versions'][number];

/**
 * A realistic input per task for previews; admins edit it before running. Tasks that read a brand's
 * saved work name the admin's current brand (left out, as JSON drops it, while none is loaded).
 */
const sampleInputs = (brandId: string | undefined): Record<AiTask, Record<string, unknown>> => ({
  chat: { brandId, message: 'What should I work on first to make my brand more distinctive?' },
  'insight-guidance': { brandId },
  'canvas-suggestion': { brandId, field: 'purpose', currentText: 'We make good coffee.' },
  'contextual-help': { brandId, area: 'brand-canvas', question: 'Where do I start?' },
  'buyer-intent': { terms: ['buy linen shirt', 'best linen shirt brands', 'how to wash linen'] },
  'review-analysis': { reviews: ['Great quality and it arrived fast.', 'Too pricey for what it is.'] },
  'avatar-voice': {
    avatar: { name: 'Maya', description: 'Busy parent' },
    question: 'What makes you trust a brand?',
  },
  'value-lens-copy': { product: 'Linen shirt', features: ['Breathable linen'], format: 'ad-headline' },
  'diagnostic-reading': { brandId },
});

const STATUS_CLASSES: Record<Version['status'], string> = {
  published: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  draft: 'bg-amber-50 text-amber-900 ring-amber-300',
  archived: 'bg-slate-100 text-slate-700 ring-slate-300',
};

function StatusBadge({ status }: { status: Version['status'] }) {
  return (
    <span className={cx('rounded-full px-2 py-0.5 text-xs font-semibold ring-1', STATUS_CLASSES[status])}>
      {status}
    </span>
  );
}

function PreviewResult({ result }: { result: AiTaskResponse }) {
  const reply =
    result.task === 'chat' && typeof result.output.reply === 'string' ? result.output.reply : null;
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 p-4">
      <p className="text-sm text-slate-700">
        Answered by {result.meta.provider === 'offline' ? 'the offline coach' : result.meta.model} with
        version {result.meta.promptVersion}.
      </p>
      {result.meta.notice ? (
        <Alert tone="warning">
          <p>{result.meta.notice.message}</p>
        </Alert>
      ) : null}
      {reply ? (
        <MarkdownText citations={result.meta.citations}>{reply}</MarkdownText>
      ) : (
        <pre className="overflow-x-auto rounded-lg bg-slate-50 p-3 text-sm whitespace-pre-wrap">
          {JSON.stringify(result.output, null, 2)}
        </pre>
      )}
    </div>
  );
}

function PreviewForm({
  prompt,
  version,
  brandId,
}: {
  prompt: Prompt;
  version: Version;
  brandId: string | undefined;
}) {
  const inputId = useId();
  const [input, setInput] = useState(() => JSON.stringify(sampleInputs(brandId)[prompt.promptId], null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: (parsed: Record<string, unknown>) =>
      adminApi.previewPrompt(prompt.promptId, version.version, parsed),
  });

  function run() {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      setProblem('The input must be valid JSON.');
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setProblem('The input must be a JSON object.');
      return;
    }
    setProblem(null);
    preview.mutate(parsed as Record<string, unknown>);
  }

  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor={inputId} className="block text-sm font-semibold text-slate-900">
          Preview input for version {version.version} (JSON)
        </label>
        <textarea
          id={inputId}
          value={input}
          rows={5}
          onChange={(event) => setInput(event.target.value)}
          aria-invalid={problem ? true : undefined}
          className="block w-full rounded-lg border border-slate-500 bg-white px-3 py-2 font-mono text-sm"
        />
        {problem ? <p className="text-sm font-medium text-red-700">{problem}</p> : null}
      </div>
      <Button variant="secondary" pending={preview.isPending} pendingLabel="Running…" onClick={run}>
        Run the preview
      </Button>
      <p className="text-sm text-slate-600">
        Previews don’t count toward your daily requests and are never cached; calls to a paid AI model still
        count toward the spending caps.
      </p>
      {preview.isError ? (
        <Alert key={preview.submittedAt} tone="error">
          <p>{describeError(preview.error)}</p>
        </Alert>
      ) : null}
      {preview.data ? <PreviewResult result={preview.data} /> : null}
    </div>
  );
}

function PromptEditor({ prompt, brandId }: { prompt: Prompt; brandId: string | undefined }) {
  const queryClient = useQueryClient();
  const editorId = useId();
  const published = prompt.versions.find((version) => version.status === 'published');
  const [body, setBody] = useState(published?.body ?? prompt.versions[0]?.body ?? '');
  const [previewing, setPreviewing] = useState<number | null>(null);
  const [publishing, setPublishing] = useState<Version | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: () => adminApi.createPromptDraft(prompt.promptId, body),
    onSuccess: async (created) => {
      setMessage(`Saved as draft version ${created.version}. Preview it, then publish it.`);
      setPreviewing(created.version);
      await queryClient.invalidateQueries({ queryKey: adminKeys.prompts });
    },
  });
  const publish = useMutation({
    mutationFn: (version: number) => adminApi.publishPromptVersion(prompt.promptId, version),
    onSuccess: async (result) => {
      setPublishing(null);
      setMessage(`Version ${result.version} is now published: new ${prompt.promptId} calls use it.`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.prompts }),
        queryClient.invalidateQueries({ queryKey: adminKeys.calls }),
      ]);
    },
  });

  const previewVersion = prompt.versions.find((version) => version.version === previewing);
  const tooShort = body.trim().length < PROMPT_BODY_LIMITS.min;

  return (
    <div className="space-y-6">
      {message ? (
        <Alert key={message} tone="success">
          <p>{message}</p>
        </Alert>
      ) : null}
      <AdminTable
        caption={`Versions of the ${prompt.promptId} prompt`}
        columns={[
          { header: 'Version', rowHeader: true, render: (version) => `v${version.version}` },
          { header: 'Status', render: (version) => <StatusBadge status={version.status} /> },
          { header: 'Created', render: (version) => formatWhen(version.createdAt) },
          {
            header: 'Published',
            render: (version) => (version.publishedAt ? formatWhen(version.publishedAt) : '—'),
          },
          {
            header: 'Actions',
            render: (version) => (
              <div className="flex flex-wrap gap-2">
                <Button variant="ghost" className="min-h-9 px-2" onClick={() => setBody(version.body)}>
                  Edit a copy<span className="sr-only"> of version {version.version}</span>
                </Button>
                <Button
                  variant="ghost"
                  className="min-h-9 px-2"
                  onClick={() => setPreviewing(version.version)}
                >
                  Preview<span className="sr-only"> version {version.version}</span>
                </Button>
                {version.status === 'published' ? null : (
                  <Button variant="secondary" className="min-h-9 px-3" onClick={() => setPublishing(version)}>
                    {version.status === 'archived' ? 'Roll back to' : 'Publish'}
                    <span className={version.status === 'archived' ? undefined : 'sr-only'}>
                      {' '}
                      version {version.version}
                    </span>
                  </Button>
                )}
              </div>
            ),
          },
        ]}
        rows={prompt.versions}
        rowKey={(version) => version.version}
      />

      {previewVersion ? (
        <PreviewForm
          key={previewVersion.version}
          prompt={prompt}
          version={previewVersion}
          brandId={brandId}
        />
      ) : null}

      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!tooShort) save.mutate();
        }}
      >
        <div className="space-y-1.5">
          <label htmlFor={editorId} className="block text-sm font-semibold text-slate-900">
            New draft of the {prompt.promptId} prompt
          </label>
          <p className="text-sm text-slate-600">
            Saving creates a new draft version; nothing changes for users until you publish it.
          </p>
          <textarea
            id={editorId}
            value={body}
            rows={14}
            maxLength={PROMPT_BODY_LIMITS.max}
            onChange={(event) => setBody(event.target.value)}
            className="block w-full rounded-lg border border-slate-500 bg-white px-3 py-2 font-mono text-sm"
          />
          {tooShort ? (
            <p className="text-sm text-slate-600">
              A prompt needs at least {PROMPT_BODY_LIMITS.min} characters.
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={tooShort} pending={save.isPending} pendingLabel="Saving…">
          Save as new draft
        </Button>
        {save.isError ? (
          <Alert key={save.submittedAt} tone="error">
            <p>{describeError(save.error)}</p>
          </Alert>
        ) : null}
      </form>

      <ConfirmDialog
        open={publishing !== null}
        tone="primary"
        title={
          publishing?.status === 'archived'
            ? `Roll back to version ${publishing.version}?`
            : `Publish version ${publishing?.version ?? ''}?`
        }
        confirmLabel={publishing?.status === 'archived' ? 'Roll back' : 'Publish'}
        pendingLabel="Publishing…"
        pending={publish.isPending}
        onConfirm={() => publishing && publish.mutate(publishing.version)}
        onCancel={() => {
          setPublishing(null);
          publish.reset();
        }}
      >
        <p>
          Every new {prompt.promptId} call will use it at once. The version published now is archived and can
          be restored later.
        </p>
        {publish.isError ? (
          <Alert tone="error">
            <p>{describeError(publish.error)}</p>
          </Alert>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

export default function PromptsPage() {
  const prompts = useQuery(promptsQuery);
  // Loaded with the page, so the preview examples can name the admin's brand by the time one opens.
  const brandId = useCurrentBrand().brand?.id;
  const [selected, setSelected] = useState<AiTask>('chat');
  const prompt = prompts.data?.prompts.find((candidate) => candidate.promptId === selected);

  return (
    <AdminFrame documentTitle="Admin: prompts" heading="Prompts" current="prompts">
      {prompts.data ? (
        <Section
          title="Prompt versions"
          actions={
            <InlineSelect
              label="Task"
              value={selected}
              options={prompts.data.prompts.map((candidate) => ({
                value: candidate.promptId,
                label: candidate.promptId,
              }))}
              onChange={setSelected}
            />
          }
        >
          {prompt ? (
            <PromptEditor key={prompt.promptId} prompt={prompt} brandId={brandId} />
          ) : (
            <p className="text-slate-600">This task has no prompt yet.</p>
          )}
        </Section>
      ) : (
        <LoadState
          what="the prompts"
          error={prompts.error}
          retry={() => void prompts.refetch()}
          retrying={prompts.isFetching}
        />
      )}
    </AdminFrame>
  );
}
