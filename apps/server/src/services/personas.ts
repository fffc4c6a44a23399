import { PersonaSchema, TrailmapError, issuesFromZod, notFound, type Persona } from '@trailmap/schema';
import type { SessionUser } from '../auth/principal';
import { newRowId } from '../ids';
import { audit } from './audit';
import type { ServiceContext } from './context';

/** Library personas are stored without a document id; a map gets its own copy with `libraryId`. */
export const LibraryPersonaSchema = PersonaSchema.omit({ id: true, libraryId: true });
export type LibraryPersona = Omit<Persona, 'id' | 'libraryId'>;

const personaNotFound = () => notFound('PERSONA_NOT_FOUND', 'no such persona in this workspace');

function parsePersona(input: unknown): LibraryPersona {
  const parsed = LibraryPersonaSchema.safeParse(input);
  if (!parsed.success) {
    throw new TrailmapError('VALIDATION_FAILED', 'the persona is not valid', {
      status: 422,
      details: issuesFromZod(parsed.error),
    });
  }
  return parsed.data;
}

export async function listPersonas(ctx: ServiceContext, workspaceId: string) {
  return ctx.db
    .selectFrom('personas')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function createPersona(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  input: unknown,
) {
  const persona = parsePersona(input);
  const now = ctx.now();
  const row = {
    id: newRowId('per'),
    workspace_id: workspaceId,
    name: persona.name,
    data: JSON.stringify(persona),
    created_by: actor.id,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.insertInto('personas').values(row).execute();
  await audit(ctx, { workspaceId, actorId: actor.id, action: 'persona.create', target: row.id });
  return row;
}

export async function getPersona(ctx: ServiceContext, workspaceId: string, personaId: string) {
  const row = await ctx.db
    .selectFrom('personas')
    .selectAll()
    .where('id', '=', personaId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw personaNotFound();
  return row;
}

export async function updatePersona(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  personaId: string,
  input: unknown,
) {
  const existing = await getPersona(ctx, workspaceId, personaId);
  const persona = parsePersona(input);
  const updated = { ...existing, name: persona.name, data: JSON.stringify(persona), updated_at: ctx.now() };
  await ctx.db
    .updateTable('personas')
    .set({ name: updated.name, data: updated.data, updated_at: updated.updated_at })
    .where('id', '=', personaId)
    .execute();
  await audit(ctx, { workspaceId, actorId: actor.id, action: 'persona.update', target: personaId });
  return updated;
}

export async function deletePersona(
  ctx: ServiceContext,
  actor: SessionUser,
  workspaceId: string,
  personaId: string,
) {
  await getPersona(ctx, workspaceId, personaId);
  await ctx.db.deleteFrom('personas').where('id', '=', personaId).execute();
  await audit(ctx, { workspaceId, actorId: actor.id, action: 'persona.delete', target: personaId });
}
