/**
 * Files the user added, sent one at a time (several at once would only share the same connection
 * and make every bar crawl), each with its own progress and its own error. A finished upload leaves
 * the queue: the document list shows it from then on.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KnowledgeDocument } from '../../../core/knowledge/contracts.ts';
import { knowledgeApi } from './api.ts';
import { knowledgeKeys } from './queries.ts';
import { describeUploadFailure, problemWithFile } from './upload-rules.ts';

export type UploadState = 'waiting' | 'uploading' | 'failed';

export interface UploadEntry {
  key: number;
  file: File;
  /** The brand the file was added to, even if the user switches brands meanwhile. */
  brandId: string;
  state: UploadState;
  percent: number;
  error: string | null;
  retryable: boolean;
}

export interface UploadQueue {
  entries: UploadEntry[];
  add(files: Iterable<File>, brandId: string): void;
  cancel(key: number): void;
  retry(key: number): void;
  dismiss(key: number): void;
}

/** Progress is announced at these steps rather than at every percent. */
const ANNOUNCED_STEPS = [25, 50, 75];

export function useUploadQueue(
  announce: (message: string) => void,
  /** Told of each document an upload created, as the server returned it. */
  onUploaded: (document: KnowledgeDocument) => void,
): UploadQueue {
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const nextKey = useRef(1);
  const controllers = useRef(new Map<number, AbortController>());
  const started = useRef(new Set<number>());

  const patch = useCallback((key: number, change: Partial<UploadEntry>) => {
    setEntries((current) => current.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)));
  }, []);
  const remove = useCallback((key: number) => {
    setEntries((current) => current.filter((entry) => entry.key !== key));
  }, []);

  const add = useCallback(
    (files: Iterable<File>, brandId: string) => {
      const added: UploadEntry[] = [];
      for (const file of files) {
        const problem = problemWithFile(file);
        added.push({
          key: nextKey.current++,
          file,
          brandId,
          state: problem ? 'failed' : 'waiting',
          percent: 0,
          error: problem,
          retryable: false,
        });
      }
      if (added.length === 0) return;
      setEntries((current) => [...current, ...added]);
      const refused = added.filter((entry) => entry.error);
      if (refused.length > 0) announce(refused.map((entry) => entry.error).join(' '));
    },
    [announce],
  );

  const upload = useCallback(
    async (entry: UploadEntry) => {
      const controller = new AbortController();
      controllers.current.set(entry.key, controller);
      const name = entry.file.name;
      let lastPercent = 0;
      patch(entry.key, { state: 'uploading', percent: 0, error: null });
      announce(`Uploading “${name}”.`);
      try {
        const { document } = await knowledgeApi.uploadDocument(entry.brandId, entry.file, {
          signal: controller.signal,
          onProgress: ({ percent }) => {
            if (percent === lastPercent) return;
            const step = ANNOUNCED_STEPS.find((mark) => lastPercent < mark && percent >= mark);
            lastPercent = percent;
            patch(entry.key, { percent });
            if (step) announce(`“${name}”: ${step}% uploaded.`);
          },
        });
        onUploaded(document);
        // Said before the list is fetched again: that fetch may already find it processed, and the
        // news that it is ready must come last.
        announce(`“${document.name}” uploaded. It is being processed.`);
        // Show it in the list at once; the list then polls its processing status.
        await queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents(entry.brandId) });
        remove(entry.key);
      } catch (error) {
        if (controller.signal.aborted) {
          remove(entry.key);
          announce(`Upload of “${name}” cancelled.`);
          return;
        }
        const failure = describeUploadFailure(error);
        patch(entry.key, { state: 'failed', error: failure.message, retryable: failure.retryable });
        announce(`“${name}” was not uploaded. ${failure.message}`);
      } finally {
        controllers.current.delete(entry.key);
      }
    },
    [announce, onUploaded, patch, queryClient, remove],
  );

  const uploading = entries.some((entry) => entry.state === 'uploading');
  const next = entries.find((entry) => entry.state === 'waiting' && !started.current.has(entry.key));
  useEffect(() => {
    if (uploading || !next) return;
    started.current.add(next.key);
    void upload(next);
  }, [uploading, next, upload]);

  // Leaving the page stops what is still being sent.
  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  return {
    entries,
    add,
    cancel: (key) => {
      const controller = controllers.current.get(key);
      if (controller) controller.abort();
      else remove(key);
    },
    retry: (key) => {
      started.current.delete(key);
      patch(key, { state: 'waiting', percent: 0, error: null, retryable: false });
    },
    dismiss: remove,
  };
}
