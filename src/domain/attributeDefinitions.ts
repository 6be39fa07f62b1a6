import { invalid, missing } from '../errors.js';
import {
  CUSTOM_ATTRIBUTE_TYPES,
  type CustomAttributeDefinition,
  type CustomAttributeType,
} from './catalog.js';
import { refuseReservedKey } from './reservedKeys.js';
import type { UserRecord } from './user.js';

/**
 * Custom attribute definitions as the management API sees them (descope-api.md 4.13). The wire `type` is an
 * int32 whose mapping Descope does not publish.
 * Vendor behaviour (inferred): 1 text, 2 numeric, 3 boolean, 4 singleSelect, 5 multiSelect, 6 date (the
 * console's order); 0, proto3's "unset", is taken as text.
 */
export const TYPE_CODES: Record<CustomAttributeType, number> = {
  text: 1,
  numeric: 2,
  boolean: 3,
  singleSelect: 4,
  multiSelect: 5,
  date: 6,
};

/** A definition as stored: the catalog's fields plus what the wire carries and the mock only keeps. */
export interface AttributeDefinitionRecord extends CustomAttributeDefinition {
  defaultValue?: unknown;
  viewPermissions?: string[];
  editPermissions?: string[];
  /** Kept only when false: absent is the default, true. */
  editable?: boolean;
}

export interface AttributeDefinitionInput {
  name?: string;
  type?: number;
  displayName?: string;
  options?: { value?: string; label?: string }[];
  defaultValue?: unknown;
  viewPermissions?: string[];
  editPermissions?: string[];
  editable?: boolean;
}

export function typeOfCode(code: number | undefined): CustomAttributeType {
  if (code === undefined || code === 0) return 'text';
  const type = CUSTOM_ATTRIBUTE_TYPES.find((name) => TYPE_CODES[name] === code);
  if (!type) throw invalid(`The type field must be one of 1 (text) to 6 (date), got ${code}`);
  return type;
}

/**
 * A definition to create or replace. Vendor behaviour (inferred): creating an existing name updates it, but
 * its type may not change, since users' values were checked against it.
 */
export function definitionOf(
  input: AttributeDefinitionInput,
  existing: CustomAttributeDefinition | undefined,
): AttributeDefinitionRecord {
  if (!input.name) throw missing('name');
  // A definition's name becomes the key of every user's value: a reserved one would be lost there.
  refuseReservedKey(input.name, 'name');
  const type = typeOfCode(input.type);
  if (existing && existing.type !== type) {
    throw invalid(`Custom attribute "${input.name}" is a ${existing.type}: its type cannot change`);
  }
  const options = (input.options ?? []).map((option) => ({
    value: option.value ?? '',
    label: option.label ?? '',
  }));
  if (options.some((option) => option.value === '')) throw missing('options.value');
  return {
    name: input.name,
    displayName: input.displayName ?? '',
    type,
    options,
    ...(input.defaultValue === undefined ? {} : { defaultValue: input.defaultValue }),
    viewPermissions: input.viewPermissions ?? [],
    editPermissions: input.editPermissions ?? [],
    ...(input.editable === false ? { editable: false } : {}),
  };
}

/** A definition on the wire (CustomAttribute of Descope's spec), every field present. */
export function toWireDefinition(definition: AttributeDefinitionRecord) {
  return {
    name: definition.name,
    type: TYPE_CODES[definition.type],
    options: definition.options,
    displayName: definition.displayName,
    // Vendor behaviour (inferred): an unset default (a protobuf Any) is null.
    defaultValue: definition.defaultValue ?? null,
    viewPermissions: definition.viewPermissions ?? [],
    editPermissions: definition.editPermissions ?? [],
    // Vendor behaviour (inferred): editable as the definition was created (the SDKs send the flag back with
    // the definitions they read); true unless it said false.
    editable: definition.editable !== false,
  };
}

/** The user without the named attributes (deleting a definition removes its values from every user). */
export function withoutAttributes(user: UserRecord, names: readonly string[]): UserRecord {
  const customAttributes = { ...user.customAttributes };
  for (const name of names) delete customAttributes[name];
  return { ...user, customAttributes };
}
