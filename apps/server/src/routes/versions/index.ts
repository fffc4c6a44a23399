export { registerVersions } from './versions';
