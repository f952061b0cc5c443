// The response schemas (schemas.ts), and zod with them, loaded by the first response that needs one: an error body,
// or a body the checks without zod (appList.ts) leave to them. A static import would load zod with the client.
import type * as Schemas from './schemas';

export function responseSchemas(): typeof Schemas {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  return require('./schemas') as typeof Schemas;
}
