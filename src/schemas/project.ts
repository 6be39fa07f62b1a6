import { z } from 'zod';

/** The wire shapes of management `project.*` (descope-mgmt-more.md §6). */

export const ProjectNameBody = z.object({ name: z.string().optional() });
export type ProjectNameBody = z.output<typeof ProjectNameBody>;

export const ProjectTagsBody = z.object({ tags: z.array(z.string()).optional() });
export type ProjectTagsBody = z.output<typeof ProjectTagsBody>;

export const CloneProjectBody = z.object({
  name: z.string().optional(),
  environment: z.string().optional().describe('"production", or omitted'),
  tags: z.array(z.string()).optional(),
});
export type CloneProjectBody = z.output<typeof CloneProjectBody>;

const tagsFields = {
  environment: z.string(),
  tags: z.array(z.string()),
  tag: z.string().describe('the first tag, or empty'),
};

export const CloneProjectResponse = z.object({
  projectId: z.string(),
  projectName: z.string(),
  ...tagsFields,
});

export const ProjectsResponse = z.object({
  projects: z.array(z.object({ id: z.string(), name: z.string(), ...tagsFields })),
});

const SnapshotFiles = z
  .record(z.string(), z.unknown())
  .describe('the snapshot files, by path, each a JSON value');

export const ImportSnapshotBody = z.object({
  files: SnapshotFiles.optional(),
  inputSecrets: z.record(z.string(), z.unknown()).optional(),
  excludes: z.array(z.string()).optional(),
});
export type ImportSnapshotBody = z.output<typeof ImportSnapshotBody>;

export const ExportSnapshotResponse = z.object({ files: SnapshotFiles });

export const ValidateSnapshotResponse = z.object({
  ok: z.boolean(),
  failures: z.array(z.string()).optional(),
  missingSecrets: z.record(z.string(), z.unknown()).optional(),
});
