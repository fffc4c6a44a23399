/** Stateless message types of the social channel (JSON over Hocuspocus stateless messages). */
export const SOCIAL_REQUEST = 'trailmap.social';
export const SOCIAL_RESPONSE = 'trailmap.social.result';

export interface SocialRequestMessage {
  type: typeof SOCIAL_REQUEST;
  requestId: string;
  action: string;
  input: unknown;
}

export type SocialResponse =
  | { type: typeof SOCIAL_RESPONSE; requestId: string; ok: true; result: unknown }
  | {
      type: typeof SOCIAL_RESPONSE;
      requestId: string;
      ok: false;
      error: { code: string; message: string; details?: unknown };
    };
