/**
 * One document's extracted text, section by section (a PDF page, a heading, a run of CSV rows), with
 * its status and the original to download. `?page=N` opens at that page; `?passage=<id>` marks the
 * cited passage in its section, scrolls to it and focuses it.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { DOCUMENT_FORMAT_LABELS } from '../../../core/knowledge/documents.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { formatBytes } from '../../../core/system/format.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDate } from '../../lib/format-date.ts';
import { revealElement } from '../../lib/reveal.ts';
import { saveFile } from '../../lib/save-file.ts';
import { knowledgeApi } from './api.ts';
import { pageParam, sectionHeading, splitAtPassage } from './passage.ts';
import { isPending, useDocumentText } from './queries.ts';
import { StatusBadge } from './status-badge.tsx';

type DocumentText = NonNullable<ReturnType<typeof useDocumentText>['data']>;
type Section = DocumentText['sections'][number];

const CITED_ID = 'cited-passage';

function sectionAnchor(section: Section, index: number): string {
  return section.locator.page ? `page-${section.locator.page}` : `section-${index + 1}`;
}

function SectionText({ section, mark }: { section: Section; mark: [number, number] | null }) {
  const split = mark ? splitAtPassage(section.text, mark[0], mark[1]) : null;
  if (!split) return <>{section.text}</>;
  return (
    <>
      {split.before}
      <span className="sr-only">Cited passage starts. </span>
      <mark id={CITED_ID} tabIndex={-1} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
        {split.passage}
      </mark>
      <span className="sr-only"> Cited passage ends.</span>
      {split.after}
    </>
  );
}

/** Where the URL points: the passage's section and range, or the page's section. */
function target(data: DocumentText, passageId: string | null, page: number | null) {
  const passage = passageId ? data.passages.find((candidate) => candidate.id === passageId) : undefined;
  const section = passage ? data.sections[passage.sectionIndex] : undefined;
  const mark: [number, number] | null =
    passage && section && splitAtPassage(section.text, passage.charStart, passage.charEnd)
      ? [passage.charStart, passage.charEnd]
      : null;
  const pageIndex = page ? data.sections.findIndex((candidate) => candidate.locator.page === page) : -1;
  return {
    markedSection: mark && passage ? passage.sectionIndex : -1,
    mark,
    /** A passage was asked for but is not in this version of the document. */
    passageMissing: passageId !== null && mark === null,
    pageIndex,
  };
}

function Viewer({
  data,
  passageId,
  page,
}: {
  data: DocumentText;
  passageId: string | null;
  page: number | null;
}) {
  const { document, sections } = data;
  const at = target(data, passageId, page);
  const revealed = useRef<string | null>(null);
  const download = useMutation({
    mutationFn: () => knowledgeApi.downloadOriginal(document.id),
    onSuccess: (file) => saveFile(file.blob, file.filename ?? document.name),
  });

  // Once per address: later refreshes of the same document must not pull the reader back.
  const address = `${document.id}|${passageId ?? ''}|${page ?? ''}`;
  const ready = sections.length > 0;
  useEffect(() => {
    if (!ready || revealed.current === address) return;
    const cited = window.document.getElementById(CITED_ID);
    const pageHeading =
      at.pageIndex >= 0
        ? window.document.getElementById(
            `${sectionAnchor(sections[at.pageIndex] as Section, at.pageIndex)}-heading`,
          )
        : null;
    const destination = cited ?? pageHeading;
    if (!destination) return;
    revealed.current = address;
    revealElement(destination, { block: cited ? 'center' : 'start' });
  });

  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6">
      <header className="space-y-3">
        <TextLink to={PAGE_PATHS.knowledge} className="inline-flex min-h-11 items-center text-sm">
          ← Brand knowledge
        </TextLink>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="min-w-0 text-2xl font-bold break-words text-slate-900 sm:text-3xl">
            {document.name}
          </h1>
          <StatusBadge status={document.status} />
        </div>
        <p className="text-sm text-slate-700">
          {DOCUMENT_FORMAT_LABELS[document.format]} · {formatBytes(document.sizeBytes)}
          {document.pageCount ? ` · ${countOf(document.pageCount, 'page')}` : ''} · uploaded{' '}
          {formatDate(document.createdAt)}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="secondary"
            pending={download.isPending}
            pendingLabel="Downloading…"
            onClick={() => download.mutate()}
          >
            Download original
          </Button>
          {at.mark ? (
            <a
              href={`#${CITED_ID}`}
              onClick={(event) => {
                event.preventDefault();
                const cited = window.document.getElementById(CITED_ID);
                if (cited) revealElement(cited);
              }}
              className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-4"
            >
              Go to the cited passage
            </a>
          ) : null}
        </div>
        {download.error ? <Alert tone="error">{describeError(download.error)}</Alert> : null}
      </header>

      {isPending(document) ? (
        <Alert tone="info" title="Still being processed">
          The text appears here as soon as it has been read. This page updates by itself.
        </Alert>
      ) : null}
      {document.status === 'failed' ? (
        <Alert tone="error" title="This document could not be processed">
          <p>{document.failureReason ?? 'The file could not be read.'}</p>
          <p>
            You can replace the file or delete the document on the{' '}
            <TextLink to={PAGE_PATHS.knowledge}>brand knowledge page</TextLink>.
          </p>
        </Alert>
      ) : null}
      {document.status === 'ready' && sections.length === 0 ? (
        <Alert tone="info">No text was found in this document.</Alert>
      ) : null}
      {at.passageMissing && ready ? (
        <Alert tone="warning">
          The cited passage is no longer in this document; the file may have been replaced since.
          {at.pageIndex >= 0 ? ' Showing the page it was on.' : ''}
        </Alert>
      ) : null}

      {ready ? (
        <div className="space-y-4">
          {sections.map((section, index) => {
            const anchor = sectionAnchor(section, index);
            return (
              <section
                // biome-ignore lint/suspicious/noArrayIndexKey: sections are the document's fixed order.
                key={index}
                id={anchor}
                aria-labelledby={`${anchor}-heading`}
                className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
              >
                <h2 id={`${anchor}-heading`} className="text-lg font-semibold text-slate-900">
                  {sectionHeading(section)}
                </h2>
                <p className="text-base leading-relaxed break-words whitespace-pre-wrap text-slate-800">
                  <SectionText section={section} mark={index === at.markedSection ? at.mark : null} />
                </p>
              </section>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}

export default function DocumentPage() {
  const { documentId = '' } = useParams();
  const [params] = useSearchParams();
  const text = useDocumentText(documentId);
  useDocumentTitle(text.data?.document.name ?? 'Document');
  const notFound = isApiError(text.error) && (text.error.status === 404 || text.error.status === 400);

  if (text.isPending) return <PageLoader label="Loading the document…" />;
  if (text.isError) {
    return (
      <div className="mx-auto w-full max-w-3xl space-y-4 px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-bold text-slate-900">{notFound ? 'Document not found' : 'Document'}</h1>
        <Alert tone="error">
          <p>
            {notFound
              ? 'It may have been deleted, or it belongs to another account.'
              : describeError(text.error)}
          </p>
          <p>
            <TextLink to={PAGE_PATHS.knowledge}>Back to brand knowledge</TextLink>
          </p>
        </Alert>
      </div>
    );
  }
  return <Viewer data={text.data} passageId={params.get('passage')} page={pageParam(params.get('page'))} />;
}
