/**
 * The V8 flags the server runs with wherever it is started: `npm start`, the container image, the
 * benches, Lighthouse and the end-to-end server. V8 sizes the young generation from the host's
 * memory — on a 24 GB host each semi-space may grow to 64 MB, 128 MB of the idle process's 330 MB —
 * while the server's requests allocate little that lives long. At 16 MB the idle process holds
 * about 230 MB and throughput does not change (ADR 0054). `package.json`'s start script and the
 * Dockerfile's CMD repeat them literally; scripts/node-flags.test.ts keeps those in step.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
