/** What the browser reporter attaches to an error (shared by the loader and the lazily loaded SDK). */
export interface ErrorContext {
  /** Where it was caught: `route`/`root` error boundary, `window` error, `unhandledrejection`. */
  source: string;
  componentStack?: string | undefined;
}
