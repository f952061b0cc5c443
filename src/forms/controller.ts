// Extension side of one open form: routes the webview's messages. No `vscode` import — the panel (panel.ts) passes a
// FormHost, and unit tests pass a fake one.
import { commandIds, type CommandId } from '../model/commandIds';
import {
  parseWebviewMessage,
  type ExtensionMessage,
  type FieldError,
  type FormKind,
  type FormMode,
  type FormValues,
  type InitMessage,
} from '../shared/protocol';
import { StoreError, ValidationError } from '../store/errors';

export interface RevealTarget {
  providerId: string;
  scopeId?: string;
  credentialId?: string;
}

export type SaveOutcome =
  | {
    reveal: RevealTarget;
    /** The information notification, e.g. `Provider "Heroku" created.` */
    notification: string;
  }
  /** The user declined a confirmation: nothing was written, the form stays open and shows why. */
  | { notSaved: string };

/** What one form (kind + target) knows: built by definitions.ts from the store. */
export interface FormDefinition {
  readonly kind: FormKind;
  readonly mode: FormMode;
  /** Kind + target (`provider:new`, `credential:<id>`, …): one panel per key. */
  readonly key: string;
  /** False once the edited object (or the provider it belongs to) was deleted. */
  exists(): boolean;
  title(): string;
  init(): InitMessage;
  /**
   * The authoritative check; an empty list means the store may be called. `live` is for the `validate` message,
   * whose sensitive values the webview leaves out: a missing sensitive value is then no error.
   */
  validate(values: FormValues, live: boolean): FieldError[];
  /** Writes to the store (after any confirmation it needs); throws the store's errors. */
  save(values: FormValues): Promise<SaveOutcome>;
  /** Scope form: the provider whose credential form "Add Credential" opens. */
  readonly addCredentialProviderId?: string;
  /** New credential form: the provider "Import from Heroku CLI" imports a token for. */
  readonly herokuImportProviderId?: string;
}

export interface FormHost {
  /** Resolves false when the webview is gone or hidden (the message is dropped; `ready` re-syncs it). */
  post(message: ExtensionMessage): PromiseLike<boolean>;
  close(): void;
  notify(message: string): void;
  reveal(target: RevealTarget): Promise<void>;
  executeCommand(command: CommandId, ...args: unknown[]): PromiseLike<unknown>;
  /** A one-line, redacted message for an unexpected error. */
  describeError(error: unknown): string;
  log: {
    info(message: string): void;
    warn(message: string): void;
    error(message: string, error?: unknown): void;
  };
}

/**
 * Handles every message of one form panel. Inbound messages are untrusted: each is parsed with the protocol's zod
 * schema and anything malformed, unknown or meant for another form kind is dropped with a warning that names only
 * the message kind and the zod issue paths (a message may contain a secret, so values are never logged).
 */
export class FormController {
  private ready = false;
  private saving = false;
  private closed = false;

  constructor(private readonly definition: FormDefinition, private readonly host: FormHost) {}

  private get label(): string { return `${this.definition.kind} form (${this.definition.mode})`; }

  async handle(raw: unknown): Promise<void> {
    if (this.closed) return;
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.host.log.warn(`${this.label}: rejected malformed message of kind "${parsed.kind}": ${parsed.issues.join(', ')}`);
      return;
    }
    const message = parsed.message;
    if ((message.type === 'submit' || message.type === 'validate') && message.values.kind !== this.definition.kind) {
      this.host.log.warn(`${this.label}: rejected "${message.type}" carrying ${message.values.kind} values`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.postInit();
        return;
      case 'cancel':
        this.close();
        return;
      case 'validate': {
        const errors = this.definition.validate(message.values, true);
        await this.host.post({ type: 'errors', source: 'validate', seq: message.seq, errors });
        return;
      }
      case 'submit':
        await this.submit(message.values);
        return;
      case 'addCredential':
        if (this.definition.addCredentialProviderId === undefined) {
          this.host.log.warn(`${this.label}: rejected "addCredential": only the scope form offers it`);
          return;
        }
        await this.host.executeCommand(commandIds.addCredential, this.definition.addCredentialProviderId);
        return;
      case 'importHerokuCli':
        await this.importHerokuToken(message.name);
        return;
    }
  }

  /** The first `init`, sent with the page rather than in answer to its `ready` (see FormPanel). */
  async open(): Promise<void> {
    if (!this.closed) await this.postInit();
  }

  /** The store changed: close when the target is gone, otherwise send fresh options and sibling names. */
  async refresh(): Promise<void> {
    if (this.closed) return;
    if (!this.definition.exists()) {
      this.host.log.info(`${this.label}: closed because its object was deleted`);
      this.close();
      return;
    }
    if (this.ready && !this.saving) await this.postInit();
  }

  /** The webview was destroyed (panel hidden without retained context): wait for its next `ready`. */
  webviewHidden(): void {
    this.ready = false;
  }

  private async postInit(): Promise<void> {
    if (!this.definition.exists()) {
      this.close();
      return;
    }
    await this.host.post(this.definition.init());
  }

  private async submit(values: FormValues): Promise<void> {
    if (this.saving) {
      this.host.log.info(`${this.label}: ignored a second submit while saving`);
      return;
    }
    const errors = this.definition.validate(values, false);
    if (errors.length > 0) {
      this.host.log.info(`${this.label}: submit rejected, invalid: ${errors.map((error) => error.field).join(', ')}`);
      await this.host.post({ type: 'errors', source: 'submit', errors });
      return;
    }
    this.saving = true;
    let outcome: SaveOutcome;
    try {
      outcome = await this.definition.save(values);
    } catch (error) {
      this.saving = false;
      const mapped = errorsFromStoreError(error);
      if (mapped) {
        this.host.log.info(`${this.label}: store refused the submit: ${mapped.errors.map((e) => e.field).join(', ') || 'form'}`);
        await this.host.post({ type: 'errors', source: 'submit', ...mapped });
      } else {
        this.host.log.error(`${this.label}: saving failed`, error);
        await this.host.post({ type: 'errors', source: 'submit', errors: [], message: this.host.describeError(error) });
      }
      return;
    }
    if ('notSaved' in outcome) {
      this.saving = false;
      this.host.log.info(`${this.label}: not saved, the user declined the confirmation`);
      await this.host.post({ type: 'errors', source: 'submit', errors: [], message: outcome.notSaved });
      return;
    }
    this.host.log.info(`${this.label}: saved`);
    await this.host.post({ type: 'saved' });
    this.close();
    this.host.notify(outcome.notification);
    try {
      await this.host.reveal(outcome.reveal);
    } catch (error) {
      this.host.log.warn(`${this.label}: could not reveal the saved item: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The import command reports its own success or failure; the form closes only once a credential was saved. */
  private async importHerokuToken(name: string): Promise<void> {
    const providerId = this.definition.herokuImportProviderId;
    if (providerId === undefined) {
      this.host.log.warn(`${this.label}: rejected "importHerokuCli": only a new credential's form offers it`);
      return;
    }
    const credentialId = await this.host.executeCommand(commandIds.importHerokuToken, providerId, { name: name.trim() });
    if (typeof credentialId === 'string') this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.host.close();
  }
}

/**
 * Maps what the store throws to form errors: a ValidationError (NameTakenError included) carries its field errors
 * (codes with arguments); the store's other errors (NotFoundError, SecretStorageUnavailableError, …) are written for
 * the user and shown above the form. Anything else returns undefined: the caller logs it and shows a generic, redacted
 * message.
 */
export function errorsFromStoreError(error: unknown): { errors: FieldError[]; message?: string } | undefined {
  if (error instanceof ValidationError && error.errors.length > 0) {
    return { errors: error.errors.map(({ field, code, args }) => ({ field, code, ...(args ? { args } : {}) })) };
  }
  if (error instanceof StoreError) return { errors: [], message: error.message };
  return undefined;
}
