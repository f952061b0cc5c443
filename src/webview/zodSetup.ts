// Imported first by validation.ts (the chunk that brings zod), before any module that builds a zod schema: zod decides
// at schema construction whether to compile parsers with `new Function`, and probing for that would trip the CSP (no
// 'unsafe-eval', none needed).
import { config } from 'zod';

config({ jitless: true });
