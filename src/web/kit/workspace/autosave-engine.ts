/**
 * The save loop behind every workspace page, kept free of React so it can be tested on its own.
 *
 * Edits apply locally at once and are sent after a short pause (debounce). A save names the version
 * it was based on. When another tab or device saved in between, the server merges the two copies
 * field by field (docs/decisions/0027-per-field-merge.md) and the engine lays the other copy's
 * fields over what is on screen; only when the same field changed on both sides does the server
 * answer 409, and the engine then holds both copies of each such field until the user picks one —
 * nothing is overwritten silently and nothing typed is dropped. Network failures and server
 * hiccups are retried with backoff; a validation error waits for the user's next edit.
 */
import type {
  FieldSource,
  FieldSources,
  ItemKind,
  SaveItemBody,
  SaveItemResponse,
  WorkspaceItem,
} from '../../../core/workspace/items.ts';
import {
  applyChoices,
  type ConflictChoice,
  type FieldConflict,
  type ItemDocument,
  mergeItemData,
  sameValue,
  withFieldsFrom,
} from '../../../core/workspace/merge.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'error';

export interface EngineState<T> {
  /** The server's copy as of the last load or save. */
  item: WorkspaceItem;
  /** What the page shows: the server copy plus local edits. */
  data: T;
  sources: FieldSources;
  status: SaveStatus;
  /** Why the last save failed, for people (status `error` or `offline`). */
  errorMessage: string | null;
  /** Set while fields changed both here and elsewhere wait for the user's choice. */
  conflict: PendingConflict<T> | null;
}

export interface PendingConflict<T> {
  /** The fields changed on both sides, with each side's value. */
  fields: FieldConflict[];
  /** The copy both sides started from (null when the server no longer keeps it). */
  base: ItemDocument | null;
  mine: { data: T; sources: FieldSources };
  theirs: WorkspaceItem;
}

export type ConflictChoices = Record<string, ConflictChoice>;

export interface EngineOptions {
  debounceMs?: number;
  /** First retry delay after a failed save; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export type SaveFunction = (body: SaveItemBody) => Promise<SaveItemResponse>;

export interface UpdateOptions {
  /** Field paths whose source changes with this edit (`ai` when accepting a coach suggestion). */
  sources?: Record<string, FieldSource>;
}

function mergeSources(current: FieldSources, changes: Record<string, FieldSource> | undefined): FieldSources {
  if (!changes) return current;
  const next = { ...current };
  for (const [path, source] of Object.entries(changes)) {
    // Typed by the user is the default, so only coach-sourced fields are recorded.
    if (source === 'user') delete next[path];
    else next[path] = source;
  }
  return next;
}

export class AutosaveEngine<T> {
  private state: EngineState<T>;
  private readonly listeners = new Set<() => void>();
  private baseVersion: number;
  /** Counts local edits, so a save that finishes knows whether newer edits are still unsent. */
  private editCount = 0;
  private savedEditCount = 0;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number;
  private disposed = false;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly save: SaveFunction;
  private readonly kind: ItemKind;

  constructor(save: SaveFunction, initial: WorkspaceItem, options: EngineOptions = {}) {
    this.save = save;
    this.kind = initial.kind;
    this.debounceMs = options.debounceMs ?? 800;
    this.retryMs = options.retryMs ?? 2000;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
    this.retryDelay = this.retryMs;
    this.baseVersion = initial.version;
    this.state = {
      item: initial,
      data: initial.data as T,
      sources: initial.sources,
      status: 'saved',
      errorMessage: null,
      conflict: null,
    };
  }

  getState = (): EngineState<T> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get hasUnsavedChanges(): boolean {
    return this.editCount !== this.savedEditCount;
  }

  /** Applies an edit locally and schedules a save. `mutate` changes a copy of the data in place. */
  update(mutate: (draft: T) => void, options: UpdateOptions = {}): void {
    const draft = structuredClone(this.state.data);
    mutate(draft);
    this.editCount += 1;
    const sources = mergeSources(this.state.sources, options.sources);
    const conflict = this.state.conflict;
    this.setState({
      data: draft,
      sources,
      status: conflict ? 'conflict' : 'unsaved',
      errorMessage: this.state.status === 'error' ? null : this.state.errorMessage,
      // Typing on while the choice is pending: "mine" is always the latest local copy.
      conflict: conflict ? this.conflictOf(conflict.base, { data: draft, sources }, conflict.theirs) : null,
    });
    if (!this.state.conflict) this.schedule(this.debounceMs);
  }

  /** Sends pending edits now (page hidden, navigation, unmount). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    return this.runSave();
  }

  /** A newer server copy (another device saved, or a revision was restored) replaces ours if we have no unsent edits. */
  adopt(item: WorkspaceItem): void {
    if (item.version < this.baseVersion || this.hasUnsavedChanges || this.state.conflict) return;
    if (item.version === this.baseVersion && item.id === this.state.item.id) return;
    this.baseVersion = item.version;
    this.setState({ item, data: item.data as T, sources: item.sources, status: 'saved', errorMessage: null });
  }

  /**
   * Settles each conflicting field with the user's choice and saves the result on top of the other
   * copy. Fields that did not conflict keep both sides' edits whatever is chosen.
   */
  resolve(choices: ConflictChoices): void {
    const conflict = this.state.conflict;
    if (!conflict) return;
    const mine = conflict.mine as ItemDocument;
    const theirs = { data: conflict.theirs.data, sources: conflict.theirs.sources };
    const settled = applyChoices(
      mergeItemData(this.kind, conflict.base, mine, theirs),
      mine,
      theirs,
      choices,
    );
    this.baseVersion = conflict.theirs.version;
    const changed = !sameValue(settled, theirs);
    if (changed) this.editCount += 1;
    else this.savedEditCount = this.editCount;
    this.setState({
      item: conflict.theirs,
      data: settled.data as T,
      sources: settled.sources,
      conflict: null,
      status: changed ? 'unsaved' : 'saved',
      errorMessage: null,
    });
    if (changed) void this.flush();
  }

  /** Every conflicting field as this tab has it (other fields keep both sides' edits). */
  keepMine(): void {
    this.resolve(this.allChoices('mine'));
  }

  /** Every conflicting field as the other copy has it (other fields keep both sides' edits). */
  acceptTheirs(): void {
    this.resolve(this.allChoices('theirs'));
  }

  /** Retries a failed save at once (the browser came back online). */
  retryNow(): void {
    if (this.state.status === 'offline' || (this.state.status === 'error' && this.hasUnsavedChanges)) {
      void this.flush();
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private schedule(delayMs: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runSave();
    }, delayMs);
  }

  private runSave(): Promise<void> {
    if (this.inFlight) {
      // One save at a time; the finishing save notices newer edits and schedules the next.
      return this.inFlight;
    }
    if (!this.hasUnsavedChanges || this.state.conflict) return Promise.resolve();
    const sentEditCount = this.editCount;
    const sent = { data: this.state.data, sources: this.state.sources };
    this.setState({ status: 'saving' });
    this.inFlight = this.save({
      baseVersion: this.baseVersion,
      data: sent.data as Record<string, unknown>,
      sources: sent.sources,
    })
      .then(
        (response) => this.onSaved(response, sent as ItemDocument, sentEditCount),
        (error: unknown) => this.onFailed(error),
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private onSaved(response: SaveItemResponse, sent: ItemDocument, sentEditCount: number): void {
    const { item, mergedFields } = response;
    this.baseVersion = item.version;
    this.savedEditCount = sentEditCount;
    this.retryDelay = this.retryMs;
    if (mergedFields.length > 0) {
      // The server merged in fields saved elsewhere: show them, on top of anything typed meanwhile.
      const theirs = withFieldsFrom(sent, { data: item.data, sources: item.sources }, mergedFields);
      const local = { data: this.state.data as Record<string, unknown>, sources: this.state.sources };
      const result = mergeItemData(this.kind, sent, local, theirs);
      if (result.conflicts.length > 0) {
        // A field typed in while the save was out was also changed elsewhere: the user chooses.
        this.editCount += 1;
        this.setState({
          item,
          status: 'conflict',
          errorMessage: null,
          conflict: this.conflictOf(sent, { data: this.state.data, sources: this.state.sources }, item),
        });
        return;
      }
      this.setState({ data: result.merged.data as T, sources: result.merged.sources });
    }
    const newerEdits = this.hasUnsavedChanges;
    this.setState({ item, status: newerEdits ? 'unsaved' : 'saved', errorMessage: null });
    if (newerEdits) this.schedule(0);
  }

  private onFailed(error: unknown): void {
    if (isApiError(error) && error.code === 'CONFLICT' && error.current) {
      const theirs = error.current as WorkspaceItem;
      // The version this copy started from is the last server copy it saw.
      const base =
        this.state.item.version === this.baseVersion
          ? { data: this.state.item.data, sources: this.state.item.sources }
          : null;
      const conflict = this.conflictOf(base, { data: this.state.data, sources: this.state.sources }, theirs);
      if (conflict.fields.length === 0) {
        // Nothing to ask (the server lost a race several times): merge here and save on top.
        this.state = { ...this.state, conflict };
        this.resolve({});
        return;
      }
      this.setState({ status: 'conflict', conflict });
      return;
    }
    const retryable =
      !isApiError(error) ||
      error.status === 0 ||
      error.status >= 500 ||
      error.status === 429 ||
      error.code === 'BAD_RESPONSE';
    if (retryable) {
      const offline = isApiError(error) && error.status === 0;
      this.setState({ status: offline ? 'offline' : 'error', errorMessage: describeError(error) });
      const wait =
        isApiError(error) && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : this.retryDelay;
      this.retryDelay = Math.min(this.retryDelay * 2, this.maxRetryMs);
      this.schedule(wait);
      return;
    }
    // Invalid data (400) or a gone item (404): retrying can't help; the next edit tries again.
    this.setState({ status: 'error', errorMessage: describeError(error) });
  }

  private conflictOf(
    base: ItemDocument | null,
    mine: { data: T; sources: FieldSources },
    theirs: WorkspaceItem,
  ): PendingConflict<T> {
    const result = mergeItemData(this.kind, base, mine as ItemDocument, {
      data: theirs.data,
      sources: theirs.sources,
    });
    return { fields: result.conflicts, base, mine, theirs };
  }

  private allChoices(choice: ConflictChoice): ConflictChoices {
    return Object.fromEntries((this.state.conflict?.fields ?? []).map((field) => [field.path, choice]));
  }

  private setState(patch: Partial<EngineState<T>>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
