export { registerTokens } from './tokens';
