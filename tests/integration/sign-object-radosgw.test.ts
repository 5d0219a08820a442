import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signObject } from '@/utils/sign-object';
import { ownerProfile } from '../support/radosgw-owner';
import { rawRequest } from '../support/raw-http';
import { s3Client } from '../support/s3-client';

// The popup's signing path (an object picked by profile, bucket and key, with its link options) against
// radosgw: the options it offers must reach S3 and the links must work.

const s3 = inject('s3');
const bucket = `sign-object-${Date.now().toString(36)}`;
const profile = ownerProfile(s3);
const client = s3Client(s3, s3.owner);
const key = 'reports/2026 résumé.pdf';
const bytes = Buffer.from('%PDF-1.7 not really\n\u00ff');

beforeAll(async () => {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: 'application/pdf' }),
  );
});

describe('signObject on radosgw', () => {
  it('GET with a non-ASCII download name and a Content-Type override serves both, byte for byte', async () => {
    const link = await signObject(
      profile,
      {
        bucket,
        key,
        method: 'GET',
        expiresIn: 300,
        downloadName: 'Facture été.pdf',
        responseContentType: 'application/octet-stream',
      },
      new Date(),
    );
    const response = await rawRequest(link.url);
    expect(response.status).toBe(200);
    expect(response.body.equals(bytes)).toBe(true);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Facture _t_.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9.pdf`,
    );
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(link).toMatchObject({ bucket, key, method: 'GET', profileName: 'radosgw', expiresIn: 300 });
  });

  it('PUT with a required Content-Type uploads only when the uploader sends it', async () => {
    const link = await signObject(
      profile,
      { bucket, key: 'uploads/photo.png', method: 'PUT', expiresIn: 300, contentType: 'image/png' },
      new Date(),
    );
    expect(link.requiredHeaders).toEqual({ 'Content-Type': 'image/png' });
    const wrong = await rawRequest(link.url, {
      method: 'PUT',
      body: Buffer.from('x'),
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrong.status).toBe(403);
    const right = await rawRequest(link.url, {
      method: 'PUT',
      body: Buffer.from('png!'),
      headers: { 'content-type': 'image/png' },
    });
    expect(right.status).toBe(200);
    const stored = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/photo.png' }));
    expect(stored.ContentType).toBe('image/png');
  });

  it('a download name with a path is refused before anything is signed', async () => {
    await expect(
      signObject(
        profile,
        { bucket, key, method: 'GET', expiresIn: 300, downloadName: '../etc/passwd' },
        new Date(),
      ),
    ).rejects.toThrow('not a path');
  });
});
