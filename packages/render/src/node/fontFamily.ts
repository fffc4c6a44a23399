/** The family name inside the bundled TTFs; the SVG asks for exactly this family first. */
export const FONT_FAMILY = 'DejaVu Sans';
