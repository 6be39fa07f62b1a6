import { answeredUserIds, usersEvent } from '../../../app/auditEvents.js';
import { defineOperation } from '../../../app/operation.js';
import { importUsers } from '../../../app/user/import.js';
import { normaliserOf } from '../../../http/normalise.js';
import { BatchUserSchema } from '../../../schemas/userBatch.js';
import { ImportUsersBody, ImportUsersResponse } from '../../../schemas/userImport.js';

/** User import (descope-api.md 4.12): the file format the mock reads is in src/app/user/import.ts. */
const tag = 'User';

/** A file's user is read as a create/batch item on the wire is: proto3 JSON (src/http/normalise.ts). */
const readImportedUser = normaliserOf(BatchUserSchema, { aliases: true });

export const userImportOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/import',
    sdkMethods: ['management.user.import'],
    summary: 'Import users from a base64 JSON export; failures per user; dryrun writes nothing',
    operationId: 'ImportUsers',
    tag,
    body: ImportUsersBody,
    response: ImportUsersResponse,
    audit: usersEvent('UsersCreated', answeredUserIds('users')),
    handler: ({ body, projectId, services }) => importUsers(services, projectId, body, readImportedUser),
  }),
];
