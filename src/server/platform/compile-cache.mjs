/**
 * Preloaded before the server's first module (`--import`, in SERVER_NODE_FLAGS). Node's compile
 * cache keeps every module's compiled code on disk — for our `.ts` files, their type-stripped
 * source too — keyed by content and Node version, in NODE_COMPILE_CACHE or the system's temporary
 * folder. With it warm Node never loads its TypeScript stripper, a WebAssembly module that otherwise
 * stays in the server's memory for as long as it runs, and the server starts faster. This file is
 * JavaScript because it must run before anything is stripped (ADR 0057).
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
