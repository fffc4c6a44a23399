export { registerMapMembers } from './mapMembers';
