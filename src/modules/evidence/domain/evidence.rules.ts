/** The records a file can be evidence of, named as their owners' scope resolvers name them. */
export const EVIDENCE_SUBJECTS = [
  'visit',
  'dialogueSession',
  'consentMove',
  'complaint',
  'enforcementRecord',
  'commitment',
] as const;
export type EvidenceSubject = (typeof EVIDENCE_SUBJECTS)[number];

/** What a file shows. */
export const EVIDENCE_KINDS = [
  // Biên bản: minutes of a visit or a dialogue session, signed by those present.
  'signed_minutes',
  // A notice or decision delivered to the household, or posted at the ward office.
  'delivered_notice',
  // Cam kết: a household's written commitment.
  'written_commitment',
  // A complaint letter or its reply.
  'correspondence',
  // Progress on a hard-task commitment: a report, a photo of the site.
  'progress_report',
  'photo',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Photos from a phone and scanned documents. Nothing that a browser would run. */
export const ACCEPTED_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type AcceptedContentType = (typeof ACCEPTED_CONTENT_TYPES)[number];

/** The default upper bound of one file: a phone photo or a scanned multi-page PDF. */
export const DEFAULT_MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** How many bytes of a file's start its type is read from. */
export const SNIFF_BYTES = 4100;

export type ContentRefusal =
  { code: 'EVIDENCE_EMPTY'; message: string } | { code: 'EVIDENCE_TYPE_REFUSED'; message: string };

/**
 * Whether an upload may be kept: not empty, and of an accepted type by its content — the type the
 * client declares must be what the bytes are, so a script renamed `.jpg` is refused. Pure; `sniffed`
 * is what the content's first bytes say (null: nothing recognisable).
 */
export function refuseContent(input: {
  declared: string;
  sniffed: string | null;
  size: number;
}): ContentRefusal | null {
  if (input.size === 0) return { code: 'EVIDENCE_EMPTY', message: 'The file is empty' };
  const accepted = (ACCEPTED_CONTENT_TYPES as readonly string[]).join(', ');
  if (!input.sniffed || !(ACCEPTED_CONTENT_TYPES as readonly string[]).includes(input.sniffed)) {
    return {
      code: 'EVIDENCE_TYPE_REFUSED',
      message: `The file's content is not one of the accepted types (${accepted})`,
    };
  }
  if (normaliseType(input.declared) !== input.sniffed) {
    return {
      code: 'EVIDENCE_TYPE_REFUSED',
      message: `The file is sent as ${input.declared || 'no type'} but its content is ${input.sniffed}`,
    };
  }
  return null;
}

/** `image/JPG; name=x` → `image/jpeg`: what phones and old browsers send for the same thing. */
function normaliseType(declared: string): string {
  const type = declared.split(';')[0].trim().toLowerCase();
  return type === 'image/jpg' || type === 'image/pjpeg' ? 'image/jpeg' : type;
}

/** Where content is kept: named by its hash, so the same bytes are stored once. */
export function storageKeyOf(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

export const ALREADY_SUPERSEDED = {
  code: 'EVIDENCE_ALREADY_SUPERSEDED',
  message: 'This file has already been superseded; supersede the newest copy instead',
} as const;

/** Why a file cannot be superseded by a new upload. Pure. */
export function refuseSupersede(file: { supersededById: string | null }): typeof ALREADY_SUPERSEDED | null {
  return file.supersededById ? ALREADY_SUPERSEDED : null;
}

/** A name safe to hand back in Content-Disposition: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string | undefined, type: string): string {
  const base = (name ?? '')
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .normalize('NFC');
  if (base) return [...base].slice(0, 255).join('');
  return `evidence.${EXTENSIONS[type] ?? 'bin'}`;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};
