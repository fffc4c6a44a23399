export { registerTemplates } from './templates';
