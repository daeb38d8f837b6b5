/** Build-time settings the web app reads (Vite inlines them); all optional. */
interface ImportMetaEnv {
  /** Browser error reporting; unset means the reporter is never loaded. */
  readonly VITE_SENTRY_DSN?: string;
  readonly VITE_SENTRY_ENVIRONMENT?: string;
  readonly VITE_SENTRY_RELEASE?: string;
}
