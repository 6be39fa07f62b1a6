import { invalid } from '../errors.js';
import type { Catalog, CustomAttributeDefinition } from './catalog.js';
import { refuseReservedKey } from './reservedKeys.js';
import type { CustomAttributeValue } from './user.js';

/**
 * Checks a map of custom attribute values against the project's definitions: every key declared, every
 * value of its type (a select's value among its options). Returns the map as it will be stored.
 */
export function checkCustomAttributes(
  values: Record<string, unknown>,
  catalog: Catalog,
): Record<string, CustomAttributeValue> {
  const out: Record<string, CustomAttributeValue> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    out[key] = checkCustomAttribute(key, value, catalog);
  }
  return out;
}

/**
 * `current` with the `given` values merged in, key by key: a null (or absent) value removes its key, which
 * must still be declared. Used by patch and update/customAttribute.
 */
export function mergeCustomAttributes(
  current: Record<string, CustomAttributeValue>,
  given: Record<string, unknown>,
  catalog: Catalog,
): Record<string, CustomAttributeValue> {
  const out = { ...current };
  for (const [key, value] of Object.entries(given)) {
    if (value === null || value === undefined) {
      declared(key, catalog);
      delete out[key];
    } else {
      out[key] = checkCustomAttribute(key, value, catalog);
    }
  }
  return out;
}

export function checkCustomAttribute(key: string, value: unknown, catalog: Catalog): CustomAttributeValue {
  const definition = declared(key, catalog);
  if (fits(definition, value)) return value as CustomAttributeValue;
  throw invalid(`Custom attribute "${key}" expects a ${describe(definition)}`);
}

function declared(key: string, catalog: Catalog): CustomAttributeDefinition {
  refuseReservedKey(key, 'customAttributes');
  const definition = catalog.attribute(key);
  if (!definition) throw invalid(`Custom attribute "${key}" is not defined in the project`);
  return definition;
}

function fits(definition: CustomAttributeDefinition, value: unknown): boolean {
  const options = definition.options.map((option) => option.value);
  switch (definition.type) {
    case 'text':
      return typeof value === 'string';
    case 'numeric':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    // Vendor behaviour (inferred): a select declared without options accepts any string.
    case 'singleSelect':
      return typeof value === 'string' && (options.length === 0 || options.includes(value));
    case 'multiSelect':
      return (
        Array.isArray(value) &&
        value.every((item) => typeof item === 'string' && (options.length === 0 || options.includes(item)))
      );
    // Vendor behaviour (inferred): a date is epoch milliseconds, as the console's date picker stores it.
    case 'date':
      return typeof value === 'number' && Number.isInteger(value);
  }
}

function describe(definition: CustomAttributeDefinition): string {
  const options = definition.options.map((option) => option.value).join(', ');
  switch (definition.type) {
    case 'singleSelect':
      return `value among: ${options}`;
    case 'multiSelect':
      return `list of values among: ${options}`;
    case 'date':
      return 'date in epoch milliseconds';
    default:
      return `${definition.type} value`;
  }
}
