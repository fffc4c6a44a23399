export * from './ops';
export * from './ordering';
export * from './selectors';
export * from './commands/defineCommand';
export * from './commands/execute';
export { COMMANDS, getCommand } from './commands/registry';
export * from './formats/index';
