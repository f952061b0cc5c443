// Whether a token is stored already, so an import does not make a second copy. No `vscode` import: unit-tested on the
// real store.
import type { Credential } from '../model/schemas';
import { MissingSecretError } from '../store/errors';
import type { ProviderStore } from '../store/providerStore';

/**
 * The provider's credential that already holds `token` in one of its sensitive fields. The secrets are read into
 * memory only to compare them; nothing keeps or returns them.
 */
export async function credentialHolding(store: Pick<ProviderStore, 'credentials' | 'readFieldValues'>, providerId: string, token: string): Promise<Credential | undefined> {
  for (const credential of store.credentials(providerId)) {
    const sensitiveKeys = credential.fields.filter((field) => field.sensitive).map((field) => field.key);
    if (sensitiveKeys.length === 0) continue;
    let values: Record<string, string>;
    try {
      values = await store.readFieldValues(credential.id);
    } catch (error) {
      // A credential that lost its secret cannot hold this token.
      if (error instanceof MissingSecretError) continue;
      throw error;
    }
    if (sensitiveKeys.some((key) => values[key]?.trim() === token.trim())) return credential;
  }
  return undefined;
}
