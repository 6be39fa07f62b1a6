import { defineOperation, NO_DOCUMENTED_EVENT, notAudited } from '../../app/operation.js';
import {
  cloneProject,
  deleteOwnProject,
  exportSnapshot,
  importSnapshot,
  listAllProjects,
  updateProjectName,
  updateProjectTags,
  validateSnapshot,
} from '../../app/projectManagement.js';
import {
  CloneProjectBody,
  CloneProjectResponse,
  ExportSnapshotResponse,
  ImportSnapshotBody,
  ProjectNameBody,
  ProjectsResponse,
  ProjectTagsBody,
  ValidateSnapshotResponse,
} from '../../schemas/project.js';
import { VoidResponse } from '../../schemas/void.js';

/**
 * The caller's project (descope-mgmt-more.md §6): name, tags, delete, clone, the projects the mock hosts, and
 * snapshots as files (src/domain/snapshot.ts).
 */
const tag = 'Project';

export const projectOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/project/update/name',
    sdkMethods: ['management.project.updateName'],
    summary: "Rename the caller's project",
    operationId: 'UpdateProjectName',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: ProjectNameBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => updateProjectName(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/project/update/tags',
    sdkMethods: ['management.project.updateTags'],
    summary: "Replace the caller's project tags",
    operationId: 'UpdateProjectTags',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: ProjectTagsBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => updateProjectTags(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/project/delete',
    sdkMethods: ['management.project.delete'],
    summary:
      'Delete the project the caller authenticates with, and everything in it (its key then gets 401); the default project is refused',
    operationId: 'DeleteProject',
    tag,
    // Descope writes ProjectDeleted (warn) to a trail the mock keeps per project: it goes with the project.
    audit: notAudited('ProjectDeleted would land in the trail deleted with the project'),
    response: VoidResponse,
    handler: ({ projectId, services }) => deleteOwnProject(services, projectId),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/project/clone',
    sdkMethods: ['management.project.clone'],
    summary:
      'A new project on the mock with the configuration copied (not users, tenants or access keys); its key is in GET /_mock/projects/{projectId}/snapshot',
    operationId: 'CloneProject',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: CloneProjectBody,
    response: CloneProjectResponse,
    handler: ({ body, projectId, services }) => cloneProject(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/projects/list',
    sdkMethods: ['management.project.listProjects'],
    summary: 'Every project the mock hosts, with its tags and environment',
    operationId: 'ListProject',
    tag,
    readOnly: true,
    response: ProjectsResponse,
    handler: ({ services }) => listAllProjects(services),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/project/snapshot/export',
    sdkMethods: ['management.project.exportSnapshot', 'management.project.export'],
    summary:
      "The project's configuration as files (project.json, roles.json, tenants/…, flows/…, kept files)",
    operationId: 'ExportSnapshot',
    tag,
    readOnly: true,
    response: ExportSnapshotResponse,
    handler: ({ projectId, services }) => exportSnapshot(services, projectId),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/project/snapshot/import',
    sdkMethods: ['management.project.importSnapshot', 'management.project.import'],
    summary:
      "Replace the project's configuration with the files' (users and keys stay); files the mock does not read are kept",
    operationId: 'ImportSnapshot',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: ImportSnapshotBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => importSnapshot(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/project/snapshot/validate',
    sdkMethods: ['management.project.validateSnapshot'],
    summary: 'Whether the files would import, with the failures if not',
    operationId: 'ValidateSnapshot',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: ImportSnapshotBody,
    response: ValidateSnapshotResponse,
    handler: ({ body, projectId, services }) => validateSnapshot(services, projectId, body),
  }),
];
