import { z } from 'zod';

// zod probes `new Function` when it builds its first object schema, to decide whether to compile
// fast validators. The server's CSP forbids eval, and the browser reports the blocked probe as a CSP
// violation even though zod catches it. The interpreted path is plenty fast for our payloads.
z.config({ jitless: true });
