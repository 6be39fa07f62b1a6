/**
 * Descope's gateway reads JSON by proto3 rules, where `null` means "not provided"; the Node SDK really sends
 * `"phone": null` when a caller passes null positionally. So nulls are dropped before validation: at the top
 * level and inside objects of top-level lists (batch items, tenant memberships). Maps such as
 * `customAttributes` keep their nulls, where null means "remove this attribute".
 */
export function dropNulls(body: unknown, intoLists = true): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null) continue;
    out[key] = intoLists && Array.isArray(value) ? value.map((item) => dropNulls(item, false)) : value;
  }
  return out;
}
