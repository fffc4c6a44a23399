/** Drag payload type for cards: a JSON list of card ids. */
export const CARD_MIME = 'application/x-trailmap-cards';
