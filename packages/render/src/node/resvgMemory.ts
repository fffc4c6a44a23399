/**
 * Keeps resvg's freed pixmaps in its allocator for a while instead of handing them straight back
 * to the OS. resvg (mimalloc inside the addon) allocates a fresh pixmap per render and copies it
 * once more before JS sees it; by default mimalloc returns freed memory after 10 ms, so every
 * tile of a poster faults in ~2 × 17 MB of new pages, which on a VM costs more than drawing the
 * tile (a 2,000-card map at 2x spent about half its CPU time in page faults). With a 1 s delay
 * the next tiles reuse the same pages, and an idle process still gives the memory back.
 *
 * mimalloc reads its options once, when the addon is loaded, so this module must be imported
 * before `@resvg/resvg-js`. A value set by whoever runs the process wins.
 */
export const RESVG_PURGE_DELAY_MS = 1000;

process.env.MIMALLOC_PURGE_DELAY ??= String(RESVG_PURGE_DELAY_MS);
