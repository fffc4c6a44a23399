/**
 * Memoizes `load` per key, and lets every value go once none has been asked for in `idleMs`.
 * For parsed fonts: opentype.js and fontkit build tens of MB of objects per font, and a process
 * that keeps them forever pays for them in every later garbage collection (a 2,000-card PNG
 * poster drawn after a self-contained SVG took a quarter longer). A burst of renders parses once.
 */
export function heldWhileInUse<K, V>(load: (key: K) => V, idleMs = 5000): (key: K) => V {
  const held = new Map<K, V>();
  let timer: NodeJS.Timeout | undefined;
  return (key) => {
    let value = held.get(key);
    if (value === undefined) {
      value = load(key);
      held.set(key, value);
    }
    timer?.refresh();
    timer ??= setTimeout(() => {
      held.clear();
      timer = undefined;
    }, idleMs).unref();
    return value;
  };
}
