/**
 * The Node flags the server runs with wherever it is started: `npm start`, the container image, the
 * benches, Lighthouse and the end-to-end server.
 *
 * - The young generation: V8 sizes it from the host's memory — on a 24 GB host each semi-space may
 *   grow to 64 MB, 128 MB of the idle process's 330 MB — while the server's requests allocate little
 *   that lives long. At 16 MB the idle process holds about 230 MB and throughput does not change
 *   (ADR 0054).
 * - The old generation: by default V8 lets it grow to four times what survived the last full
 *   collection (peak RSS 520–600 MB over a live heap under 100 MB). A growing factor of 1.5 keeps the
 *   peak under 300 MB for about 5 % more CPU per request, without a hard cap that a large export
 *   could hit (ADRs 0056, 0057).
 * - The compile cache (compile-cache.mjs, preloaded; ADR 0057). The path is relative: the server is
 *   started from the project's folder.
 *
 * `package.json`'s start script and the Dockerfile's CMD repeat them literally;
 * scripts/node-flags.test.ts keeps those in step.
 */
export const SERVER_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=16',
  '--heap-growing-percent=50',
  '--import=./src/server/platform/compile-cache.mjs',
];

/**
 * The environment the server process starts with, for what only the C library reads at start-up.
 *
 * - `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates its own malloc arena (up to eight
 *   per core), and V8's GC helpers, the libuv pool (password hashing) and the extraction worker all
 *   allocate. Under load the arenas' freed-but-kept pages moved peak RSS between 279 and 326 MB on
 *   the same code; with two arenas it stayed at 270–286 MB, throughput unchanged (ADR 0064). No effect
 *   on other C libraries (musl, macOS).
 *
 * The start script and the Dockerfile's ENV repeat it literally; scripts/node-flags.test.ts keeps
 * them in step.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
