export { registerMaps } from './maps';
