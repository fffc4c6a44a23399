export { DuckDbEngine } from './DuckDbEngine';
