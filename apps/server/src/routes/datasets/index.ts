export { registerDatasets } from './datasets';
