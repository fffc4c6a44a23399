export { registerPersonas } from './personas';
