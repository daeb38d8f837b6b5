/**
 * The ALTCHA widget, loaded only when a public form's check comes into view (see altcha-field.tsx).
 *
 * Our CSP allows no inline <style> and no blob: workers, so this uses the `external` build: it injects
 * no styles (altcha.css is bundled as a normal stylesheet) and bundles no workers (the PBKDF2 worker
 * becomes a same-origin file).
 */
import type {} from 'altcha/types/global';
import 'altcha/external';
import 'altcha/altcha.css';
import './altcha-theme.css';
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker';

// The only algorithm our server issues challenges for (src/server/platform/proof-of-work.ts).
globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Pbkdf2Worker());
