export { registerHealth } from './health';
