import { useMemo } from 'react';
import type { Journey } from '@trailmap/schema';
import { renderSvg } from '@trailmap/render';

/** A map's poster, rendered by @trailmap/render, shown as an image (never as live markup). */
export function MapThumbnail({ doc, title }: { doc: Journey | undefined; title: string }) {
  const src = useMemo(() => {
    if (!doc) return undefined;
    try {
      return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSvg(doc, { hideEvidence: true }))}`;
    } catch (error) {
      console.warn('thumbnail failed', error);
      return undefined;
    }
  }, [doc]);
  return (
    <div className="map-thumb">
      {src ? <img src={src} alt={`Preview of ${title}`} loading="lazy" /> : <span className="muted">…</span>}
    </div>
  );
}
