/**
 * The save loop behind every workspace page, kept free of React so it can be tested on its own.
 *
 * Edits apply locally at once and are sent after a short pause (debounce). A save names the version
 * it was based on; the server answers 409 with its current copy when another tab or device saved in
 * between, and the engine then holds both copies until the user picks one — nothing is overwritten
 * silently and nothing typed is dropped. Network failures and server hiccups are retried with
 * backoff; a validation error waits for the user's next edit.
 */
import type {
  FieldSource,
  FieldSources,
  SaveItemBody,
  WorkspaceItem,
} from '../../../core/workspace/items.ts';
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
  /** Set while a conflicting save waits for the user's choice. */
  conflict: { mine: { data: T; sources: FieldSources }; theirs: WorkspaceItem } | null;
}

export interface EngineOptions {
  debounceMs?: number;
  /** First retry delay after a failed save; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export type SaveFunction = (body: SaveItemBody) => Promise<WorkspaceItem>;

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

  constructor(save: SaveFunction, initial: WorkspaceItem, options: EngineOptions = {}) {
    this.save = save;
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
      conflict: conflict ? { ...conflict, mine: { data: draft, sources } } : null,
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

  /** Conflict resolved in favour of this tab: save our copy on top of theirs. */
  keepMine(): void {
    const conflict = this.state.conflict;
    if (!conflict) return;
    this.baseVersion = conflict.theirs.version;
    this.editCount += 1;
    this.setState({
      item: conflict.theirs,
      data: conflict.mine.data,
      sources: conflict.mine.sources,
      conflict: null,
      status: 'unsaved',
    });
    void this.flush();
  }

  /** Conflict resolved in favour of the other copy: our unsent edits are discarded, by the user's choice. */
  acceptTheirs(): void {
    const conflict = this.state.conflict;
    if (!conflict) return;
    this.baseVersion = conflict.theirs.version;
    this.savedEditCount = this.editCount;
    this.setState({
      item: conflict.theirs,
      data: conflict.theirs.data as T,
      sources: conflict.theirs.sources,
      conflict: null,
      status: 'saved',
      errorMessage: null,
    });
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
        (item) => this.onSaved(item, sentEditCount),
        (error: unknown) => this.onFailed(error),
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private onSaved(item: WorkspaceItem, sentEditCount: number): void {
    this.baseVersion = item.version;
    this.savedEditCount = sentEditCount;
    this.retryDelay = this.retryMs;
    const newerEdits = this.hasUnsavedChanges;
    this.setState({ item, status: newerEdits ? 'unsaved' : 'saved', errorMessage: null });
    if (newerEdits) this.schedule(0);
  }

  private onFailed(error: unknown): void {
    if (isApiError(error) && error.code === 'CONFLICT' && error.current) {
      const theirs = error.current as WorkspaceItem;
      this.setState({
        status: 'conflict',
        conflict: { mine: { data: this.state.data, sources: this.state.sources }, theirs },
      });
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

  private setState(patch: Partial<EngineState<T>>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
