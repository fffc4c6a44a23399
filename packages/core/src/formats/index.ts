export { MAX_DOCUMENT_BYTES, decodeDocument, tooLargeMessage, type DecodeResult } from './decode';
export {
  parseJourneyText,
  detectFormat,
  type DocumentFormat,
  type LocatedIssue,
  type ParseOptions,
  type ParseResult,
} from './parse';
export { canonicalize, toCanonicalJson, toYaml } from './canonical';
export { LineIndex, pointerSegments, type SourcePosition } from './sourceMap';
export { peekMapId } from './peek';
export { hasYamlComments } from './yamlSource';
