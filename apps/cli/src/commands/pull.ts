import type { Command } from 'commander';
import { parseJourney } from '@trailmap/schema';
import { writeFileAtomic } from '../io/atomicWrite';
import { formatForPath, serialize } from '../io/loadDocument';
import { callApi, remoteFor, writeRemoteConfig } from './login';

/** `trailmap pull MAP_ID -o FILE`: writes the server's map as canonical JSON/YAML and remembers its ETag. */
export function registerPull(program: Command) {
  program
    .command('pull')
    .description('Download a map from the server into a journey file')
    .argument('<mapId>', 'map id, e.g. map:checkout')
    .requiredOption('-o, --output <file>', 'file to write (.journey.json or .journey.yaml)')
    .option('--server <url>', 'server (default: the last one you logged in to)')
    .action(async (mapId: string, options: { output: string; server?: string }) => {
      const { url, entry, config } = remoteFor(options.server);
      const response = await callApi(`${url}/api/v1/maps/${encodeURIComponent(mapId)}`, {
        headers: { authorization: `Bearer ${entry.token}` },
        expect: [200],
      });
      const doc = parseJourney(await response.json());
      writeFileAtomic(options.output, serialize(doc, formatForPath(options.output)));
      const etag = response.headers.get('etag');
      if (etag) entry.etags[mapId] = etag;
      writeRemoteConfig(config);
      process.stdout.write(`pulled ${mapId} (${etag ?? 'no etag'}) into ${options.output}\n`);
    });
}
