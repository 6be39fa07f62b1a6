import { z } from 'zod';
import { defineOperation, type Operation } from '../../app/operation.js';
import {
  ACCESS_KEY_SORT_KEYS,
  type AccessKeyRecord,
  buildAccessKey,
  newSecret,
  searchAccessKeys,
  setStatus,
  toWireAccessKey,
  updateAccessKey,
} from '../../domain/accessKey.js';
import { missing } from '../../errors.js';
import { SortSchema } from '../../schemas/sort.js';
import { VoidResponse } from '../../schemas/void.js';
import type { Store } from '../../store/index.js';
import { requireAccessKey } from './lookup.js';

/** Access keys (descope-api.md 5.4). The cleartext is answered once (create, rotate); only its hash is kept. */
const tag = 'Access keys';

const KeyTenants = z.array(
  z.object({ tenantId: z.string().default(''), roleNames: z.array(z.string()).default([]) }),
);
const KeyFields = {
  name: z.string().optional(),
  description: z.string().optional(),
  roleNames: z.array(z.string()).optional(),
  keyTenants: KeyTenants.optional(),
  customClaims: z.record(z.string(), z.unknown()).optional(),
  permittedIps: z.array(z.string()).optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
};
/** int64 on the wire: the SDKs send a number, proto3 JSON also allows a numeric string. */
const Int64 = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

const WireAccessKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  roleNames: z.array(z.string()),
  keyTenants: z.array(
    z.object({ tenantId: z.string(), roleNames: z.array(z.string()), tenantName: z.string() }),
  ),
  status: z.enum(['active', 'inactive']),
  createdTime: z.number().int().describe('epoch seconds'),
  expireTime: z.number().int().describe('epoch seconds; 0 = never'),
  createdBy: z.string(),
  clientId: z.string(),
  boundUserId: z.string(),
  customClaims: z.record(z.string(), z.unknown()),
  editable: z.boolean(),
  description: z.string(),
  permittedIps: z.array(z.string()),
  customAttributes: z.record(z.string(), z.unknown()),
});
const KeyResponse = z.object({ key: WireAccessKeySchema });
const CreatedKeyResponse = z.object({ key: WireAccessKeySchema, cleartext: z.string() });
const IdBody = z.object({ id: z.string().optional() });
const IdsBody = z.object({ ids: z.array(z.string()).optional() });

const wire = (store: Store, projectId: string, key: AccessKeyRecord) =>
  toWireAccessKey(key, store.catalog.forProject(projectId));

/** activate, deactivate and delete, one key or a batch (all or none): each answers `{}`. */
function keyChange(
  paths: { single: string; batch: string },
  sdkMethods: { single: string; batch: string },
  apply: (store: Store, projectId: string, key: AccessKeyRecord) => void,
  rest: Pick<Operation, 'summary' | 'operationId'>,
): Operation[] {
  const single = defineOperation({
    method: 'POST',
    path: paths.single,
    sdkMethods: [sdkMethods.single],
    tag,
    ...rest,
    body: IdBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        apply(services.store, projectId, requireAccessKey(services.store, projectId, body.id));
        return {};
      }),
  });
  const batch = defineOperation({
    method: 'POST',
    path: paths.batch,
    sdkMethods: [sdkMethods.batch],
    tag,
    summary: `${rest.summary} (several keys, all or none)`,
    operationId: `${rest.operationId}s`,
    body: IdsBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        // An empty list is proto3's absent list: E011002, as for every batch call of users, roles and permissions.
        if (!body.ids?.length) throw missing('ids');
        for (const id of body.ids)
          apply(services.store, projectId, requireAccessKey(services.store, projectId, id));
        return {};
      }),
  });
  return [single, batch];
}

export const accessKeyOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/accesskey/create',
    sdkMethods: ['management.accessKey.create'],
    summary: 'Create an active access key; the cleartext is in this answer only',
    operationId: 'CreateAccessKey',
    tag,
    body: z.object({ ...KeyFields, expireTime: Int64.optional(), userId: z.string().optional() }),
    response: CreatedKeyResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        const { store } = services;
        const ctx = {
          catalog: store.catalog.forProject(projectId),
          nowMs: services.now(),
          userExists: (userId: string) => store.users.findByUserId(projectId, userId) !== undefined,
        };
        const key = buildAccessKey(body, ctx);
        const secret = newSecret();
        store.accessKeys.insert(projectId, key, secret.hash);
        return { key: toWireAccessKey(key, ctx.catalog), cleartext: secret.cleartext };
      }),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/accesskey',
    sdkMethods: ['management.accessKey.load'],
    summary: 'Load an access key',
    operationId: 'LoadAccessKey',
    tag,
    query: IdBody,
    response: KeyResponse,
    handler: ({ query, projectId, services }) => ({
      key: wire(services.store, projectId, requireAccessKey(services.store, projectId, query.id)),
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/accesskey/search',
    sdkMethods: ['management.accessKey.searchAll'],
    summary: 'Search access keys by tenant, bound user, creating user or custom attributes',
    operationId: 'SearchAccessKeys',
    tag,
    body: z.object({
      tenantIds: z.array(z.string()).optional(),
      boundUserId: z.string().optional(),
      creatingUser: z.string().optional(),
      customAttributes: z.record(z.string(), z.unknown()).optional(),
      text: z.string().optional(),
      sort: SortSchema.describe(`by ${Object.keys(ACCESS_KEY_SORT_KEYS).join(', ')}; ascending unless desc`),
    }),
    response: z.object({ keys: z.array(WireAccessKeySchema) }),
    handler: ({ body, projectId, services }) => {
      // One catalog for the whole answer: its tenant and role lookups are memoised across keys.
      const catalog = services.store.catalog.forProject(projectId);
      return {
        keys: searchAccessKeys(services.store.accessKeys.list(projectId), body).map((key) =>
          toWireAccessKey(key, catalog),
        ),
      };
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/accesskey/update',
    sdkMethods: ['management.accessKey.update'],
    summary: 'Rename an access key; omitted description, roles, tenants, claims and IPs are kept',
    operationId: 'UpdateAccessKey',
    tag,
    body: z.object({ id: z.string().optional(), ...KeyFields }),
    response: KeyResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        const { store } = services;
        const catalog = store.catalog.forProject(projectId);
        const next = updateAccessKey(requireAccessKey(store, projectId, body.id), body, catalog);
        store.accessKeys.update(projectId, next);
        return { key: toWireAccessKey(next, catalog) };
      }),
  }),
  // Paths written out whole, so a grep for a Descope path finds its route.
  ...keyChange(
    { single: '/v1/mgmt/accesskey/activate', batch: '/v1/mgmt/accesskey/activate/batch' },
    { single: 'management.accessKey.activate', batch: 'management.accessKey.activateBatch' },
    (store, projectId, key) => store.accessKeys.update(projectId, setStatus(key, 'active')),
    { summary: 'Activate an access key', operationId: 'ActivateAccessKey' },
  ),
  ...keyChange(
    { single: '/v1/mgmt/accesskey/deactivate', batch: '/v1/mgmt/accesskey/deactivate/batch' },
    { single: 'management.accessKey.deactivate', batch: 'management.accessKey.deactivateBatch' },
    (store, projectId, key) => store.accessKeys.update(projectId, setStatus(key, 'inactive')),
    { summary: 'Deactivate an access key', operationId: 'DeactivateAccessKey' },
  ),
  ...keyChange(
    { single: '/v1/mgmt/accesskey/delete', batch: '/v1/mgmt/accesskey/delete/batch' },
    { single: 'management.accessKey.delete', batch: 'management.accessKey.deleteBatch' },
    (store, projectId, key) => store.accessKeys.delete(projectId, key.id),
    { summary: 'Delete an access key', operationId: 'DeleteAccessKey' },
  ),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/accesskey/rotate',
    sdkMethods: ['management.accessKey.rotate'],
    summary: 'Give an access key a new cleartext (the old one stops working)',
    operationId: 'RotateAccessKey',
    tag,
    body: IdBody,
    response: CreatedKeyResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        const { store } = services;
        const key = requireAccessKey(store, projectId, body.id);
        const secret = newSecret();
        store.accessKeys.replaceSecret(projectId, key.id, secret.hash);
        return { key: wire(store, projectId, key), cleartext: secret.cleartext };
      }),
  }),
];
