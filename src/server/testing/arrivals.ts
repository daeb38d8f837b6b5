/**
 * What a test server has received (mail, error reports), as a list a test can also await: `waitFor`
 * resolves the moment a matching item is recorded, instead of polling on a timer.
 */
export class Arrivals<T> {
  /** Everything received so far, oldest first. */
  readonly items: T[] = [];
  readonly #waiters = new Set<() => void>();

  record(item: T): void {
    this.items.push(item);
    for (const wake of [...this.#waiters]) wake();
  }

  /** Resolves with the first item matching `predicate` (already here or still to come). */
  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.items.find(predicate);
        if (!found) return false;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`no matching ${what} within ${timeoutMs} ms (${this.items.length} received)`));
      }, timeoutMs);
      if (!check()) this.#waiters.add(check);
    });
  }
}
