import type { Command } from 'commander';
import { CliError, EXIT } from '../errors';
import { requireJourneyFile } from '../io/loadDocument';
import { callApi, remoteFor, writeRemoteConfig } from './login';

/**
 * `trailmap push FILE [--map MAP_ID]`: uploads a journey file. An existing map is replaced only
 * if it has not changed since the last pull (If-Match); a conflict is reported, never overwritten.
 * A map the server does not have is created in `--workspace` (default: your first workspace).
 */
export function registerPush(program: Command) {
  program
    .command('push')
    .description('Upload a journey file to the server (conflicts are reported, never overwritten)')
    .argument('<file>', 'journey file (.journey.json or .journey.yaml)')
    .option('--map <mapId>', 'server map to update (default: the map.id in the file)')
    .option('--workspace <id>', 'workspace for a new map (default: your first workspace)')
    .option('--server <url>', 'server (default: the last one you logged in to)')
    .action(async (file: string, options: { map?: string; workspace?: string; server?: string }) => {
      const { url, entry, config } = remoteFor(options.server);
      const { doc } = requireJourneyFile(file);
      const mapId = options.map ?? doc.map.id;
      const auth = { authorization: `Bearer ${entry.token}` };
      const mapUrl = `${url}/api/v1/maps/${encodeURIComponent(mapId)}`;
      const current = await callApi(mapUrl, { method: 'GET', headers: auth, expect: [200, 404] });
      if (current.status === 404) {
        const workspaceId = options.workspace ?? (await firstWorkspace(url, auth));
        const created = await callApi(`${url}/api/v1/workspaces/${encodeURIComponent(workspaceId)}/maps`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ document: doc }),
          expect: [201],
        });
        const write = (await created.json()) as { mapId: string; etag: string };
        entry.etags[write.mapId] = write.etag;
        writeRemoteConfig(config);
        process.stdout.write(`created ${write.mapId} in workspace ${workspaceId}\n`);
        return;
      }
      const base = entry.etags[mapId];
      if (!base) {
        throw new CliError(
          `${mapId} exists on the server but was never pulled here; pull it first, then push`,
          EXIT.invalid,
        );
      }
      const response = await callApi(mapUrl, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json', 'if-match': base },
        body: JSON.stringify(doc),
        expect: [200, 412],
      });
      if (response.status === 412) {
        throw new CliError(
          `conflict: ${mapId} changed on the server since your last pull (yours ${base}, server ${current.headers.get('etag')}); ` +
            'nothing was overwritten. Pull into another file, merge, and push again.',
          EXIT.invalid,
        );
      }
      const write = (await response.json()) as { etag: string; version: number };
      entry.etags[mapId] = write.etag;
      writeRemoteConfig(config);
      process.stdout.write(`pushed ${file} to ${mapId} (now version ${write.version})\n`);
    });
}

async function firstWorkspace(url: string, auth: Record<string, string>): Promise<string> {
  const response = await callApi(`${url}/api/v1/workspaces`, { headers: auth, expect: [200] });
  const { workspaces } = (await response.json()) as { workspaces: { id: string }[] };
  if (!workspaces[0])
    throw new CliError('you have no workspace on this server; pass --workspace', EXIT.invalid);
  return workspaces[0].id;
}
