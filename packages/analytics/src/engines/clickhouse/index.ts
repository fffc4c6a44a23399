export { ClickHouseEngine } from './ClickHouseEngine';
export type { ClickHouseExecutor } from './executors';

/** Whether the optional `chdb` package is installed (the embedded ClickHouse). */
export async function isChdbAvailable(): Promise<boolean> {
  try {
    await import('chdb');
    return true;
  } catch {
    return false;
  }
}
