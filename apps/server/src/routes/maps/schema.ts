import { z } from 'zod';
import { MAP_TYPES } from '@trailmap/schema';
import { ROLES } from '../../auth/roles';
import { WorkspaceParams } from '../workspaces/schema';

export const MapParams = z.strictObject({ mapId: z.string().max(100) });
export const MapMemberParams = MapParams.extend({ userId: z.string().max(100) });

/** A journey document as JSON; checked in full (migrations, shape, references) by the handler. */
export const JourneyBody = z.looseObject({ schemaVersion: z.number().int(), map: z.looseObject({}) }).meta({
  description: 'A journey document (see the journey JSON Schema); older schemaVersions are migrated.',
});

export const CreateMapBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    type: z.enum(MAP_TYPES).optional(),
    template: z.string().max(100).optional().meta({ description: 'Template id from GET /api/v1/templates' }),
    document: JourneyBody.optional().meta({ description: 'An uploaded journey document (JSON)' }),
    text: z.string().optional().meta({ description: 'An uploaded journey file as text (JSON or YAML)' }),
    filename: z.string().max(300).optional(),
  })
  .refine((body) => [body.template, body.document, body.text].filter((v) => v !== undefined).length <= 1, {
    message: 'give at most one of template, document and text',
  });

/** For raw uploads: the file name labels errors (`name:line:col`) and tells generic types apart. */
export const UploadQuery = z.strictObject({ filename: z.string().max(300).optional() });

export const MapListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  tag: z.string().max(100).optional(),
  type: z.enum(MAP_TYPES).optional(),
  status: z.enum(['active', 'archived', 'deleted', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const CommandsBody = z.strictObject({
  commands: z
    .array(z.strictObject({ command: z.string().min(1).max(100), input: z.unknown().optional() }))
    .min(1)
    .max(1000),
});

export const DuplicateBody = z
  .strictObject({ title: z.string().trim().min(1).max(200).optional() })
  .default({});
export const ArchiveBody = z.strictObject({ archived: z.boolean() });
export const MapMemberBody = z.strictObject({ role: z.enum(ROLES).nullable() });

export { WorkspaceParams };
