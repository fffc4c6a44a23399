import type { MapType } from '@trailmap/schema';

export const MAP_TYPE_LABELS: Record<MapType, string> = {
  'current-state': 'Current state',
  'future-state': 'Future state',
  'day-in-the-life': 'Day in the life',
  'service-blueprint': 'Service blueprint',
  'experience-map': 'Experience map',
};
