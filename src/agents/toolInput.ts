// What the @providerdesk agent lets a language model put into a tool call. Pure (no `vscode`), so it is unit-tested.
// Every Provider Desk tool takes the scope it runs against as `scope`; the agent is bound to one scope, so the
// model never sees that property and whatever it sends there is replaced by the bound scope's name.
import * as l10n from '@vscode/l10n';
import { isJsonObject } from '../model/objects';

/** The property every Provider Desk tool names its scope with. */
export const scopeProperty = 'scope';

interface PropertySchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
}

/** The part of a tool's JSON schema the agent checks: a flat object of typed properties. */
export interface ToolInputSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, PropertySchema>>;
  readonly required?: readonly string[];
  readonly [key: string]: unknown;
}

export type BoundInput = { readonly ok: true; readonly input: Record<string, unknown> } | { readonly ok: false; readonly error: string };

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value);
    case 'object': return isJsonObject(value);
    case 'null': return value === null;
    default: return true;
  }
}

/** The tool's schema as the model sees it: without the scope property, which the agent fills in. */
export function schemaForModel(schema: object | undefined): ToolInputSchema {
  const { properties = {}, required = [], ...rest } = (schema ?? {}) as ToolInputSchema;
  const { [scopeProperty]: _scope, ...others } = properties;
  return { ...rest, type: 'object', properties: others, required: required.filter((name) => name !== scopeProperty) };
}

/**
 * The model's input checked against the tool's schema (an object, known properties of the declared types, the
 * required ones present) with the bound scope filled in; or what is wrong with it, for the model to correct.
 */
export function bindToolInput(schema: object | undefined, input: unknown, scopeName: string): BoundInput {
  if (!isJsonObject(input)) return { ok: false, error: l10n.t('The input must be a JSON object.') };
  const { properties = {}, required = [] } = (schema ?? {}) as ToolInputSchema;
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === scopeProperty) continue;
    const property = properties[name];
    if (property === undefined) {
      const known = Object.keys(properties).filter((key) => key !== scopeProperty);
      return { ok: false, error: l10n.t('Unknown input property "{0}". The tool takes: {1}.', name, known.length > 0 ? known.join(', ') : l10n.t('no input')) };
    }
    const types = property.type === undefined ? [] : typeof property.type === 'string' ? [property.type] : property.type;
    if (types.length > 0 && !types.some((type) => hasType(value, type))) {
      return { ok: false, error: l10n.t('Input property "{0}" must be of type {1}.', name, types.join(' or ')) };
    }
    if (property.enum !== undefined && !property.enum.includes(value)) {
      return { ok: false, error: l10n.t('Input property "{0}" must be one of: {1}.', name, property.enum.map((item) => JSON.stringify(item)).join(', ')) };
    }
    bound[name] = value;
  }
  if (scopeProperty in properties) bound[scopeProperty] = scopeName;
  const missing = required.filter((name) => !(name in bound));
  if (missing.length > 0) return { ok: false, error: l10n.t('Missing input: {0}.', missing.join(', ')) };
  return { ok: true, input: bound };
}
