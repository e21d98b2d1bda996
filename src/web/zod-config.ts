import { z } from "zod";

// Zod compiles object parsers with `new Function` when it can, and probes for that with a
// Function call the Content-Security-Policy refuses (no eval): the browser parses without it.
z.config({ jitless: true });
