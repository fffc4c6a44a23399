export { registerAuth } from './auth';
