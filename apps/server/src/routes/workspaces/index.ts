export { registerWorkspaces } from './workspaces';
