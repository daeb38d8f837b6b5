/**
 * The server's password strength estimator (zxcvbn-ts), held only while passwords are being set.
 *
 * Its dictionaries are ~27 MB of heap, needed by sign-up, reset and change — a tiny share of what a
 * server does. Loaded as ES modules they could never be freed (a module graph stays for the life of
 * the process), so the server loads the packages' CommonJS builds and takes them straight back out
 * of `require`'s cache: the estimator is then the only thing holding them. After `idleMs` with no
 * password to check it is dropped and the garbage collector takes it all; the next check builds it
 * again (~0.1–0.3 s of CPU, bounded to once per idle period).
 */
import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as LanguageCommon from '@zxcvbn-ts/language-common';
import type * as LanguageEnglish from '@zxcvbn-ts/language-en';
import {
  type AssessPassword,
  createPasswordAssessor,
  estimatorOptions,
} from '../../../core/auth/password-assessment.ts';

/** How long the estimator stays after the last password checked. */
export const ESTIMATOR_IDLE_MS = 60_000;

/** The estimator's packages and their own dependency, as paths in `require`'s cache. */
export const ESTIMATOR_MODULE_PATH = /[\\/]node_modules[\\/](?:@zxcvbn-ts[\\/]|fastest-levenshtein[\\/])/;

type LoadedModule = NonNullable<NodeJS.Require['cache'][string]>;

/** Takes the estimator's modules out of the cache and out of their parents' `children`. */
function forgetModules(cache: NodeJS.Require['cache']): void {
  const entries = Object.entries(cache).filter(
    (entry): entry is [string, LoadedModule] =>
      ESTIMATOR_MODULE_PATH.test(entry[0]) && entry[1] !== undefined,
  );
  const forgotten = new Set(entries.map(([, loaded]) => loaded));
  for (const [path, loaded] of entries) {
    delete cache[path];
    // `require` links each module to the one that first loaded it; that link would keep it alive.
    const parent = loaded.parent;
    if (parent && !forgotten.has(parent)) {
      parent.children = parent.children.filter((child) => !forgotten.has(child));
    }
    loaded.children = [];
  }
}

function buildAssessor(): AssessPassword {
  const require = createRequire(import.meta.url);
  const core = require('@zxcvbn-ts/core') as typeof ZxcvbnCore;
  const common = require('@zxcvbn-ts/language-common') as typeof LanguageCommon;
  const english = require('@zxcvbn-ts/language-en') as typeof LanguageEnglish;
  const assess = createPasswordAssessor(new core.ZxcvbnFactory(estimatorOptions({ common, english })));
  forgetModules(require.cache);
  return assess;
}

export interface PasswordEstimator {
  assess: AssessPassword;
  /** Whether the dictionaries are in memory now. */
  readonly loaded: boolean;
  /** Drops the dictionaries now (the idle timer does it otherwise). */
  release(): void;
}

export function createPasswordEstimator(options: { idleMs?: number } = {}): PasswordEstimator {
  const idleMs = options.idleMs ?? ESTIMATOR_IDLE_MS;
  let assessor: AssessPassword | null = null;
  let idleTimer: NodeJS.Timeout | null = null;

  function release(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    assessor = null;
  }

  return {
    assess(password, userInputs) {
      assessor ??= buildAssessor();
      // Unref'd: an estimator waiting to be dropped never keeps the process alive.
      if (idleTimer) idleTimer.refresh();
      else idleTimer = setTimeout(release, idleMs).unref();
      return assessor(password, userInputs);
    },
    get loaded() {
      return assessor !== null;
    },
    release,
  };
}
