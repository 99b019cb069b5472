import { mediaTypeOf } from './request.js';

/** Whether a media type matches one of the API's binary media types, with `type/*` and `*\/*` wildcards. */
export function isBinaryMediaType(value: string | undefined, binaryMediaTypes: readonly string[]): boolean {
  const mediaType = mediaTypeOf(value);
  if (mediaType === undefined) return false;
  const [type, subtype] = mediaType.split('/');
  return binaryMediaTypes.some((written) => {
    const [wantType, wantSubtype] = written.toLowerCase().split('/');
    return (wantType === '*' || wantType === type) && (wantSubtype === '*' || wantSubtype === subtype);
  });
}

/** The first media type an Accept header lists, which is what the REST gateway compares with binary media types. */
export function firstAccepted(accept: string | undefined): string | undefined {
  return accept?.split(',')[0];
}
