// Reading what the AWS SDK v3 puts on a thrown error, without trusting its shape: `name` (S3's code, or
// "Unknown" for a bodiless HEAD answer), `$metadata.httpStatusCode`, the raw answer's headers on `$response`,
// and the error body's extra elements (Region, Endpoint, ServerTime...) copied onto the error as properties.

/** The parts of a thrown value the explanations look at. */
export interface ErrorShape {
  name: string;
  status?: number;
  /** Node's errno code (ECONNREFUSED...), from the error, its cause, or an AggregateError's first error. */
  errno?: string;
  message: string;
}

/** A property of an unknown value, or undefined. */
export function fieldOf(value: unknown, field: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
}

function stringField(value: unknown, field: string): string | undefined {
  const found = fieldOf(value, field);
  return typeof found === 'string' ? found : undefined;
}

/** A header of the answer the error came with, by case-insensitive name. */
export function headerOf(error: unknown, name: string): string | undefined {
  const headers = fieldOf(fieldOf(error, '$response'), 'headers');
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}

function errnoOf(error: unknown): string | undefined {
  const candidates = [error, fieldOf(error, 'cause')];
  const errors = fieldOf(error, 'errors');
  if (Array.isArray(errors)) candidates.push(...errors);
  for (const candidate of candidates) {
    const code = stringField(candidate, 'code');
    if (code && /^[A-Z][A-Z0-9_]+$/.test(code)) return code;
  }
  return undefined;
}

/** The name, status and errno of whatever was thrown. */
export function readShape(error: unknown): ErrorShape {
  const status = fieldOf(fieldOf(error, '$metadata'), 'httpStatusCode');
  const shape: ErrorShape = {
    name: stringField(error, 'name') ?? stringField(error, 'Code') ?? '',
    message: stringField(error, 'message') ?? '',
  };
  if (typeof status === 'number') shape.status = status;
  const errno = errnoOf(error);
  if (errno) shape.errno = errno;
  return shape;
}

// AWS region names, and the zonegroup names S3-compatible stores send in their place: a short token, checked
// so that nothing but a name ever reaches a message.
const REGION_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/i;
const AWS_HOST_REGION =
  /(?:^|\.)s3[.-](?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com(?:\.cn)?$/;
const CONSTRAINT_REGION = /^The ([a-z]{2}(?:-[a-z]+)+-\d{1,2}) location constraint/;

function checked(region: string | undefined): string | undefined {
  return region !== undefined && REGION_NAME.test(region) ? region : undefined;
}

/** The region S3 says the bucket is in: header x-amz-bucket-region, the body's Region or Endpoint, or the message. */
export function regionNamed(error: unknown): string | undefined {
  return (
    checked(headerOf(error, 'x-amz-bucket-region')) ??
    checked(stringField(error, 'Region')) ??
    AWS_HOST_REGION.exec(stringField(error, 'Endpoint') ?? '')?.[1] ??
    CONSTRAINT_REGION.exec(stringField(error, 'message') ?? '')?.[1]
  );
}

/** AWS writes RequestTime as 20261122T083026Z (the X-Amz-Date form) and ServerTime as ISO 8601. */
function parseTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const iso = compact
    ? `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}Z`
    : text;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Local clock minus the server's, in ms: from the body's RequestTime/ServerTime when S3 sends them (AWS does),
 * else from the answer's Date header against `now` (radosgw sends no times in the body).
 */
export function clockOffset(error: unknown, now: Date): number | undefined {
  const server = parseTime(stringField(error, 'ServerTime')) ?? parseTime(headerOf(error, 'date'));
  if (server === undefined) return undefined;
  const requested = parseTime(stringField(error, 'RequestTime')) ?? now.getTime();
  return requested - server;
}
