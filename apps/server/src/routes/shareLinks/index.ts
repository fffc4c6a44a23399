export { registerShareLinks } from './shareLinks';
