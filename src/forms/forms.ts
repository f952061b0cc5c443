/** Opens the webview forms; each resolves once the panel is shown (not when the user submits). */
export interface Forms {
  /** Create a provider, or edit the one with this id. */
  provider(providerId?: string): Promise<void>;
  credential(providerId: string, credentialId?: string): Promise<void>;
  scope(providerId: string, scopeId?: string): Promise<void>;
}
