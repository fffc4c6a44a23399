import type { SessionUser } from './auth/principal';
import type { AppServices } from './app';
import { audit } from './services/audit';
import { blankMap, commandContext, listTemplates, mapFromTemplate } from './services/maps/newMapDocument';
import { createUser, findUserByEmail, toSessionUser } from './services/users';
import { createWorkspace } from './services/workspaces';

export const DEMO_LOGIN = { email: 'demo@trailmap.local', password: 'trailmap-demo' } as const;

/**
 * Seeds a demo user and a workspace of example maps built from the templates. Idempotent: an
 * existing demo user means the demo was seeded before and nothing changes.
 */
export async function seedDemo({
  ctx,
  store,
}: AppServices): Promise<{ user: SessionUser; created: boolean; maps: number }> {
  const existing = await findUserByEmail(ctx, DEMO_LOGIN.email);
  if (existing) return { user: toSessionUser(existing), created: false, maps: 0 };
  const user = await createUser(ctx, { ...DEMO_LOGIN, name: 'Demo user' });
  const workspace = await createWorkspace(ctx, user, 'Demo workspace');
  const templates = listTemplates();
  let maps = 0;
  for (const template of templates) {
    const doc = mapFromTemplate(template.id, undefined, commandContext(ctx.now, user.id));
    await store.createMap(workspace.id, doc, { actorId: user.id, via: 'system' });
    maps += 1;
  }
  if (maps === 0) {
    await store.createMap(workspace.id, blankMap('My first journey', 'current-state'), {
      actorId: user.id,
      via: 'system',
    });
    maps = 1;
  }
  await audit(ctx, { workspaceId: workspace.id, actorId: user.id, action: 'demo.seed', details: { maps } });
  return { user, created: true, maps };
}
