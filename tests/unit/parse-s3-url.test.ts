import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownEndpoints } from '@/utils/choose-profile';
import { normalizeEndpoint } from '@/utils/endpoint';
import { PresignError, type PresignErrorCode } from '@/utils/errors';
import { encodeKey } from '@/utils/key-encoding';
import { parseS3Url, type S3ObjectRef } from '@/utils/parse-s3-url';
import type { Profile } from '@/utils/profile';
import { applyProvider, isProviderError, type ProviderId, type ProviderInputs } from '@/utils/providers';
import type { KnownEndpoint } from '@/utils/s3-hosts';
import { cephProfile } from '../support/profiles';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
/** Path-style endpoints, as knownEndpoints gives them for profiles that sign path-style. */
const pathStyle = (...endpoints: string[]): KnownEndpoint[] => endpoints.map((endpoint) => ({ endpoint }));
const KNOWN = pathStyle(
  'http://127.0.0.1:7480',
  'https://minio.example.com:9000',
  'https://storage.example.com/s3/v2', // listed before its shorter prefix: the longest must win, not the last
  'https://storage.example.com/s3',
  'https://Secure.Example.com:443/',
  'not an endpoint', // a broken profile endpoint matches nothing and breaks nothing
);
const VH = 'https://my-bucket.s3.us-east-1.amazonaws.com';
const AWS_DOC_SIGNATURE =
  'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
  '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
  '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const scoped = (region: string) =>
  `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20240101%2F${region}%2Fs3%2Faws4_request` +
  '&X-Amz-Date=20240101T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=0123abcd';

const s3Uri = (bucket: string, key: string): S3ObjectRef => ({
  bucket,
  key,
  addressing: 's3-uri',
  presigned: false,
});
const vh = (key: string, extra: Partial<S3ObjectRef> = {}): S3ObjectRef => ({
  bucket: 'my-bucket',
  key,
  region: 'us-east-1',
  partition: 'aws',
  addressing: 'virtual-hosted',
  presigned: false,
  ...extra,
});
const aws = (addressing: 'virtual-hosted' | 'path-style', extra: Partial<S3ObjectRef> = {}): S3ObjectRef => ({
  bucket: 'my-bucket',
  key: 'dir/file.txt',
  partition: 'aws',
  addressing,
  presigned: false,
  ...extra,
});
const custom = (
  endpoint: string,
  bucket: string,
  key: string,
  extra: Partial<S3ObjectRef> = {},
): S3ObjectRef => ({
  bucket,
  key,
  endpoint,
  addressing: 'path-style',
  presigned: false,
  ...extra,
});
const r2 = (
  endpoint: string,
  addressing: 'virtual-hosted' | 'path-style',
  extra: Partial<S3ObjectRef> = {},
) => custom(endpoint, 'my-bucket', 'k.bin', { region: 'auto', addressing, ...extra });
const inConsole = (key: string, extra: Partial<S3ObjectRef> = {}): S3ObjectRef => ({
  bucket: 'my-bucket',
  key,
  partition: 'aws',
  addressing: 'console',
  presigned: false,
  ...extra,
});

const GOOD: ReadonlyArray<[string, string, S3ObjectRef]> = [
  // s3:// URIs: literal like the AWS CLI, unless the text looks browser-encoded
  ['s3 plain', 's3://my-bucket/path/to/file.txt', s3Uri('my-bucket', 'path/to/file.txt')],
  ['s3 literal space', 's3://my-bucket/my file.txt', s3Uri('my-bucket', 'my file.txt')],
  ['s3 browser-encoded space', 's3://my-bucket/my%20file.txt', s3Uri('my-bucket', 'my file.txt')],
  ['s3 browser-encoded %25', 's3://my-bucket/50%25/off', s3Uri('my-bucket', '50%/off')],
  ['s3 literal % without escape', 's3://my-bucket/100%', s3Uri('my-bucket', '100%')],
  ['s3 literal when spaces', 's3://my-bucket/100% done/a%20b', s3Uri('my-bucket', '100% done/a%20b')],
  ['s3 literal when non-ASCII', 's3://my-bucket/café%20x', s3Uri('my-bucket', 'café%20x')],
  ['s3 literal ? and #', 's3://my-bucket/a?b=1#c', s3Uri('my-bucket', 'a?b=1#c')],
  ['s3 literal +', 's3://my-bucket/a+b', s3Uri('my-bucket', 'a+b')],
  ['s3 dotted bucket', 's3://my.dotted.bucket/k', s3Uri('my.dotted.bucket', 'k')],
  ['s3 uppercase scheme', 'S3://my-bucket/k', s3Uri('my-bucket', 'k')],
  ['s3a (Hadoop)', 's3a://my-bucket/k', s3Uri('my-bucket', 'k')],
  ['surrounding whitespace', '  \ts3://my-bucket/k \n', s3Uri('my-bucket', 'k')],
  // AWS virtual-hosted
  ['global host', 'https://my-bucket.s3.amazonaws.com/dir/file.txt', aws('virtual-hosted')],
  ['http', 'http://my-bucket.s3.amazonaws.com/dir/file.txt', aws('virtual-hosted')],
  [
    'regional',
    'https://my-bucket.s3.us-west-2.amazonaws.com/dir/file.txt',
    aws('virtual-hosted', { region: 'us-west-2' }),
  ],
  [
    'legacy dash',
    'https://my-bucket.s3-us-west-2.amazonaws.com/dir/file.txt',
    aws('virtual-hosted', { region: 'us-west-2' }),
  ],
  [
    'dualstack',
    'https://my-bucket.s3.dualstack.eu-central-1.amazonaws.com/dir/file.txt',
    aws('virtual-hosted', { region: 'eu-central-1', variant: 'dualstack' }),
  ],
  [
    'accelerate',
    'https://my-bucket.s3-accelerate.amazonaws.com/dir/file.txt',
    aws('virtual-hosted', { variant: 'accelerate' }),
  ],
  [
    'accelerate dualstack',
    'https://my-bucket.s3-accelerate.dualstack.amazonaws.com/dir/file.txt',
    aws('virtual-hosted', { variant: 'dualstack-accelerate' }),
  ],
  [
    's3-external-1',
    'https://my-bucket.s3-external-1.amazonaws.com/dir/file.txt',
    aws('virtual-hosted', { region: 'us-east-1' }),
  ],
  [
    'GovCloud',
    'https://my-bucket.s3.us-gov-west-1.amazonaws.com/dir/file.txt',
    aws('virtual-hosted', { region: 'us-gov-west-1', partition: 'aws-us-gov' }),
  ],
  [
    'China',
    'https://my-bucket.s3.cn-north-1.amazonaws.com.cn/dir/file.txt',
    aws('virtual-hosted', { region: 'cn-north-1', partition: 'aws-cn' }),
  ],
  [
    'dotted bucket in host',
    'https://my.dotted.bucket.s3.us-west-2.amazonaws.com/dir/file.txt',
    aws('virtual-hosted', { bucket: 'my.dotted.bucket', region: 'us-west-2' }),
  ],
  [
    'bucket with an s3 label',
    'https://logs.s3.backup.s3.eu-west-1.amazonaws.com/dir/file.txt',
    aws('virtual-hosted', { bucket: 'logs.s3.backup', region: 'eu-west-1' }),
  ],
  [
    'host case and default port',
    'HTTPS://My-Bucket.S3.US-WEST-2.AMAZONAWS.COM:443/dir/file.txt',
    aws('virtual-hosted', { region: 'us-west-2' }),
  ],
  ['fully qualified host', 'https://my-bucket.s3.amazonaws.com./dir/file.txt', aws('virtual-hosted')],
  ['fragment ignored', 'https://my-bucket.s3.amazonaws.com/dir/file.txt#top', aws('virtual-hosted')],
  // AWS path-style
  ['path global', 'https://s3.amazonaws.com/my-bucket/dir/file.txt', aws('path-style')],
  [
    'path regional',
    'https://s3.eu-west-1.amazonaws.com/my-bucket/dir/file.txt',
    aws('path-style', { region: 'eu-west-1' }),
  ],
  [
    'path legacy dash',
    'http://s3-eu-west-1.amazonaws.com/my-bucket/dir/file.txt',
    aws('path-style', { region: 'eu-west-1' }),
  ],
  [
    'path dualstack',
    'https://s3.dualstack.ap-southeast-2.amazonaws.com/my-bucket/dir/file.txt',
    aws('path-style', { region: 'ap-southeast-2', variant: 'dualstack' }),
  ],
  [
    'path China',
    'https://s3.cn-northwest-1.amazonaws.com.cn/my-bucket/dir/file.txt',
    aws('path-style', { region: 'cn-northwest-1', partition: 'aws-cn' }),
  ],
  [
    'path dotted bucket',
    'https://s3.amazonaws.com/my.dotted.bucket/dir/file.txt',
    aws('path-style', { bucket: 'my.dotted.bucket' }),
  ],
  ['path empty first key segment', 'https://s3.amazonaws.com/my-bucket//k', aws('path-style', { key: '/k' })],
  // awkward keys, decoded exactly
  ['%20', `${VH}/my%20file.txt`, vh('my file.txt')],
  ['literal space', `${VH}/my file.txt`, vh('my file.txt')],
  ['literal +', `${VH}/a+b`, vh('a+b')],
  ['%2B', `${VH}/a%2Bb`, vh('a+b')],
  ['%2F inside the key', `${VH}/a%2Fb`, vh('a/b')],
  ['%25', `${VH}/100%25`, vh('100%')],
  ['%3F', `${VH}/why%3F`, vh('why?')],
  ['%23', `${VH}/%23tag`, vh('#tag')],
  ['a//b', `${VH}/a//b`, vh('a//b')],
  ['../x', `${VH}/../x`, vh('../x')],
  ['./x', `${VH}/./x`, vh('./x')],
  ['dots inside', `${VH}/a/./b/../c`, vh('a/./b/../c')],
  ['encoded dots', `${VH}/%2E%2E/x`, vh('../x')],
  ['sub-delims kept', `${VH}/a!'()*$,;=@:~&b`, vh("a!'()*$,;=@:~&b")],
  ['NFC é', `${VH}/caf%C3%A9`, vh('caf\u00e9')],
  ['NFD é', `${VH}/cafe%CC%81`, vh('cafe\u0301')],
  ['literal NFD é', `${VH}/cafe\u0301`, vh('cafe\u0301')],
  ['emoji', `${VH}/%F0%9F%98%80.png`, vh('😀.png')],
  ['CJK', `${VH}/%E6%96%87%E4%BB%B6.txt`, vh('文件.txt')],
  ['1,024-byte key', `${VH}/${'é'.repeat(512).replaceAll('é', '%C3%A9')}`, vh('é'.repeat(512))],
  // S3 console
  [
    'console object page',
    'https://eu-west-1.console.aws.amazon.com/s3/object/my-bucket?region=eu-west-1&bucketType=general&prefix=reports%2F2024%2Fq1+summary.pdf',
    inConsole('reports/2024/q1 summary.pdf', { region: 'eu-west-1', regionHint: 'eu-west-1' }),
  ],
  [
    'older console host, %2B',
    'https://s3.console.aws.amazon.com/s3/object/my-bucket?region=us-east-2&prefix=a%2Bb%20c.txt',
    inConsole('a+b c.txt', { region: 'us-east-2' }),
  ],
  [
    'console with versionId',
    'https://console.aws.amazon.com/s3/object/my-bucket?region=ap-northeast-1&prefix=k&versionId=3HL4kqtJlcpXroDTDmJ%2Bf',
    inConsole('k', { region: 'ap-northeast-1', versionId: '3HL4kqtJlcpXroDTDmJ+f' }),
  ],
  [
    // The console's own region is only a hint: it shows buckets of every region.
    'console region from the host, as a hint',
    'https://us-west-2.console.aws.amazon.com/s3/object/my-bucket?prefix=%F0%9F%98%80',
    inConsole('😀', { regionHint: 'us-west-2' }),
  ],
  [
    '?region= states the bucket’s region; the host’s is a hint',
    'https://eu-central-1.console.aws.amazon.com/s3/object/my-bucket?region=eu-west-1&prefix=k',
    inConsole('k', { region: 'eu-west-1', regionHint: 'eu-central-1' }),
  ],
  [
    'China console',
    'https://console.amazonaws.cn/s3/object/my-bucket?region=cn-north-1&prefix=k',
    inConsole('k', { region: 'cn-north-1', partition: 'aws-cn' }),
  ],
  [
    'China console without ?region=: still China',
    'https://cn-northwest-1.console.amazonaws.cn/s3/object/my-bucket?prefix=k',
    inConsole('k', { regionHint: 'cn-northwest-1', partition: 'aws-cn' }),
  ],
  [
    'GovCloud console',
    'https://console.amazonaws-us-gov.com/s3/object/my-bucket?prefix=k',
    inConsole('k', { partition: 'aws-us-gov' }),
  ],
  [
    'a ?region= of another partition than the console’s is no region of this bucket',
    'https://console.aws.amazon.com/s3/object/my-bucket?region=cn-north-1&prefix=k',
    inConsole('k'),
  ],
  [
    'old console, key in path',
    'https://s3.console.aws.amazon.com/s3/object/my-bucket/folder/my%20file.txt?region=us-east-1&tab=overview',
    inConsole('folder/my file.txt', { region: 'us-east-1' }),
  ],
  // Cloudflare R2
  [
    'R2 path-style',
    `https://${ACCOUNT}.r2.cloudflarestorage.com/my-bucket/k.bin`,
    r2(`https://${ACCOUNT}.r2.cloudflarestorage.com`, 'path-style'),
  ],
  [
    'R2 EU jurisdiction',
    `https://${ACCOUNT}.eu.r2.cloudflarestorage.com/my-bucket/k.bin`,
    r2(`https://${ACCOUNT}.eu.r2.cloudflarestorage.com`, 'path-style'),
  ],
  [
    'R2 virtual-hosted',
    `https://my-bucket.${ACCOUNT}.r2.cloudflarestorage.com/k.bin`,
    r2(`https://${ACCOUNT}.r2.cloudflarestorage.com`, 'virtual-hosted'),
  ],
  [
    'R2 virtual-hosted in a jurisdiction',
    `https://my-bucket.${ACCOUNT}.eu.r2.cloudflarestorage.com/k.bin`,
    r2(`https://${ACCOUNT}.eu.r2.cloudflarestorage.com`, 'virtual-hosted'),
  ],
  [
    'R2 presigned',
    `https://${ACCOUNT}.r2.cloudflarestorage.com/my-bucket/k.bin?${scoped('auto')}`,
    r2(`https://${ACCOUNT}.r2.cloudflarestorage.com`, 'path-style', { presigned: true }),
  ],
  // custom endpoints (knownEndpoints)
  [
    'custom with port',
    'http://127.0.0.1:7480/my-bucket/k',
    custom('http://127.0.0.1:7480', 'my-bucket', 'k'),
  ],
  [
    'custom legacy bucket',
    'http://127.0.0.1:7480/Legacy_Bucket/k',
    custom('http://127.0.0.1:7480', 'Legacy_Bucket', 'k'),
  ],
  [
    'custom keeps ..',
    'http://127.0.0.1:7480/my-bucket/../etc/passwd',
    custom('http://127.0.0.1:7480', 'my-bucket', '../etc/passwd'),
  ],
  [
    'custom https port',
    'https://minio.example.com:9000/b/k',
    custom('https://minio.example.com:9000', 'b', 'k'),
  ],
  [
    'custom prefix',
    'https://storage.example.com/s3/my-bucket/k',
    custom('https://storage.example.com/s3', 'my-bucket', 'k'),
  ],
  [
    'longest prefix wins',
    'https://storage.example.com/s3/v2/my-bucket/k',
    custom('https://storage.example.com/s3/v2', 'my-bucket', 'k'),
  ],
  [
    'shorter prefix otherwise',
    'https://storage.example.com/s3/v3/k',
    custom('https://storage.example.com/s3', 'v3', 'k'),
  ],
  [
    'default port equal',
    'https://secure.example.com/my-bucket/k',
    custom('https://secure.example.com', 'my-bucket', 'k'),
  ],
  [
    'explicit default port',
    'https://secure.example.com:443/my-bucket/k',
    custom('https://secure.example.com', 'my-bucket', 'k'),
  ],
  [
    'custom presigned, region from scope',
    `http://127.0.0.1:7480/my-bucket/k?${scoped('default')}`,
    custom('http://127.0.0.1:7480', 'my-bucket', 'k', { region: 'default', presigned: true }),
  ],
  // already presigned links
  [
    'AWS documentation example',
    `https://examplebucket.s3.amazonaws.com/test.txt?${AWS_DOC_SIGNATURE}`,
    aws('virtual-hosted', { bucket: 'examplebucket', key: 'test.txt', region: 'us-east-1', presigned: true }),
  ],
  [
    'host region wins over scope',
    `https://my-bucket.s3.eu-west-1.amazonaws.com/dir/file.txt?${scoped('us-east-1')}`,
    aws('virtual-hosted', { region: 'eu-west-1', presigned: true }),
  ],
  [
    'a scope of another partition than the host’s is dropped',
    `https://my-bucket.s3.amazonaws.com/dir/file.txt?${scoped('cn-north-1')}`,
    aws('virtual-hosted', { presigned: true }),
  ],
  [
    'presigned path-style with extras',
    `https://s3.amazonaws.com/my-bucket/dir/file.txt?response-content-disposition=attachment%3B%20filename%3D%22x%22&x-id=GetObject&X-Amz-Security-Token=FQo%2BG%2F%3D&${scoped('ap-south-1')}`,
    aws('path-style', { region: 'ap-south-1', presigned: true }),
  ],
  [
    'unencoded slashes in the scope',
    'https://my-bucket.s3.amazonaws.com/dir/file.txt?X-Amz-Credential=AKID/20240101/us-west-1/s3/aws4_request&X-Amz-Signature=ab',
    aws('virtual-hosted', { region: 'us-west-1', presigned: true }),
  ],
  [
    'legacy SigV2',
    'https://my-bucket.s3.amazonaws.com/dir/file.txt?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1700000000&Signature=vjb%2Bq%3D',
    aws('virtual-hosted', { presigned: true }),
  ],
  [
    'presigned with versionId',
    `https://my-bucket.s3.amazonaws.com/dir/file.txt?versionId=v1&${scoped('sa-east-1')}`,
    aws('virtual-hosted', { region: 'sa-east-1', versionId: 'v1', presigned: true }),
  ],
  [
    'scope region the signer would refuse is dropped',
    'http://127.0.0.1:7480/my-bucket/k?X-Amz-Credential=ceph%2F20240101%2FMy_Zone%2Fs3%2Faws4_request&X-Amz-Signature=ab',
    custom('http://127.0.0.1:7480', 'my-bucket', 'k', { presigned: true }),
  ],
  [
    'credential without signature (truncated link)',
    'https://my-bucket.s3.amazonaws.com/dir/file.txt?X-Amz-Credential=AKID%2F20240101%2Fca-central-1%2Fs3%2Faws4_request',
    aws('virtual-hosted', { region: 'ca-central-1', presigned: true }),
  ],
  // versionId
  [
    'versionId, form-decoded',
    `${VH}/k?versionId=3%2FL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY%2BMTRCxf3vjVBH40Nr8X8gdRQBpUMLUo`,
    vh('k', { versionId: '3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo' }),
  ],
  [
    'versionId null',
    'https://s3.amazonaws.com/my-bucket/dir/file.txt?versionId=null',
    aws('path-style', { versionId: 'null' }),
  ],
  ['empty versionId ignored', `${VH}/k?versionId=`, vh('k')],
];

const BAD: ReadonlyArray<[string, string, PresignErrorCode, RegExp]> = [
  ['empty', '', 'not-a-url', /paste the URL of an S3 object/],
  ['blank', ' \n\t ', 'not-a-url', /paste the URL/],
  ['words', 'hello world', 'not-a-url', /starting with https:\/\//],
  ['no scheme', 'my-bucket.s3.amazonaws.com/k', 'not-a-url', /starting with https:\/\//],
  ['mailto', 'mailto:someone@example.com', 'not-a-url', /not a link/],
  ['no host', 'https://', 'not-a-url', /malformed/],
  ['bad host', 'https://exa mple.com/x', 'not-a-url', /malformed/],
  ['user info', 'https://user:pass@my-bucket.s3.amazonaws.com/k', 'not-a-url', /user name or password/],
  [
    'other site',
    'https://example.com/a.txt',
    'not-s3',
    /example\.com is not an S3 host.*add its endpoint to a profile/,
  ],
  ['ftp', 'ftp://example.com/a.txt', 'not-s3', /ftp:\/\/ are not S3 object URLs/],
  ['unknown port', 'http://127.0.0.1:9000/my-bucket/k', 'not-s3', /add its endpoint to a profile/],
  [
    'same host, other port',
    'https://minio.example.com/my-bucket/k',
    'not-s3',
    /minio\.example\.com is not an S3 host/,
  ],
  [
    'prefix not on a segment boundary',
    'https://storage.example.com/s3x/my-bucket/k',
    'not-s3',
    /add its endpoint/,
  ],
  [
    'other scheme than the endpoint',
    'http://storage.example.com/s3/my-bucket/k',
    'not-s3',
    /add its endpoint/,
  ],
  ['other AWS service', 'https://ec2.amazonaws.com/x', 'not-s3', /not an S3 host/],
  ['China without region', 'https://my-bucket.s3.amazonaws.com.cn/k', 'not-s3', /not an S3 host/],
  [
    'China host, region of another partition',
    'https://my-bucket.s3.us-east-1.amazonaws.com.cn/k',
    'not-s3',
    /not an S3 host/,
  ],
  ['FIPS', 'https://my-bucket.s3-fips.us-east-1.amazonaws.com/k', 'not-s3', /FIPS .* not supported yet/],
  [
    'S3 Express',
    'https://b--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com/k',
    'not-s3',
    /S3 Express One Zone .* not supported yet/,
  ],
  [
    'AWS console, not S3',
    'https://console.aws.amazon.com/ec2/home?region=us-east-1',
    'not-s3',
    /not an S3 page/,
  ],
  [
    'website endpoint (dash)',
    'https://my-bucket.s3-website-us-east-1.amazonaws.com/index.html',
    'website-endpoint',
    /public files only and cannot use signed links.*REST URL/,
  ],
  [
    'website endpoint (dot)',
    'http://my-bucket.s3-website.eu-central-1.amazonaws.com/x',
    'website-endpoint',
    /REST URL/,
  ],
  [
    'website path-style',
    'https://s3-website-us-east-1.amazonaws.com/my-bucket/x',
    'website-endpoint',
    /website endpoint/,
  ],
  ['R2 public URL', 'https://pub-0123abc.r2.dev/k', 'website-endpoint', /public files only/],
  [
    'access point ARN',
    'arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap',
    'access-point',
    /ARNs .* not supported yet/,
  ],
  ['object ARN', 'arn:aws:s3:::my-bucket/k', 'access-point', /use the bucket's own URL/],
  [
    's3:// ARN',
    's3://arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap/k',
    'access-point',
    /not supported yet/,
  ],
  [
    'access point host',
    'https://my-ap-123456789012.s3-accesspoint.us-west-2.amazonaws.com/k',
    'access-point',
    /Access points/,
  ],
  [
    'access point dualstack',
    'https://ap-1.s3-accesspoint.dualstack.us-east-1.amazonaws.com/k',
    'access-point',
    /Access points/,
  ],
  [
    'MRAP',
    'https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/k',
    'access-point',
    /Multi-Region/,
  ],
  [
    'Object Lambda',
    'https://my-olap-123456789012.s3-object-lambda.us-east-1.amazonaws.com/k',
    'access-point',
    /Object Lambda/,
  ],
  ['bucket root', 'https://my-bucket.s3.amazonaws.com/', 'no-key', /bucket "my-bucket" but no object/],
  ['bucket, no slash', 'https://my-bucket.s3.us-west-2.amazonaws.com', 'no-key', /no object/],
  ['s3 bucket', 's3://my-bucket', 'no-key', /no object/],
  ['s3 bucket slash', 's3://my-bucket/', 'no-key', /no object/],
  ['path bucket', 'https://s3.amazonaws.com/my-bucket', 'no-key', /no object/],
  ['service root', 'https://s3.amazonaws.com/', 'no-key', /no bucket and no object/],
  ['custom endpoint root', 'https://storage.example.com/s3', 'no-key', /no bucket/],
  ['s3 folder', 's3://my-bucket/photos/', 'no-key', /names a folder/],
  ['https folder', 'https://my-bucket.s3.amazonaws.com/photos/2024/', 'no-key', /names a folder/],
  [
    'console folder page',
    'https://s3.console.aws.amazon.com/s3/buckets/my-bucket?region=us-east-1&prefix=photos/&showversions=false',
    'no-key',
    /shows a folder.*open an object/,
  ],
  [
    'console bucket page',
    'https://s3.console.aws.amazon.com/s3/buckets/my-bucket?region=us-east-1',
    'no-key',
    /shows a bucket/,
  ],
  [
    'console bucket list',
    'https://us-east-1.console.aws.amazon.com/s3/home?region=us-east-1',
    'no-key',
    /not an object/,
  ],
  [
    'console object, folder prefix',
    'https://console.aws.amazon.com/s3/object/my-bucket?prefix=photos/',
    'no-key',
    /folder/,
  ],
  [
    'console object, no prefix',
    'https://console.aws.amazon.com/s3/object/my-bucket?region=us-east-1',
    'no-key',
    /no object/,
  ],
  ['uppercase bucket', 's3://My-Bucket/k', 'invalid-bucket', /lowercase letters, digits, dots and hyphens/],
  ['underscore on AWS', 'https://s3.amazonaws.com/my_bucket/k', 'invalid-bucket', /lowercase letters/],
  ['too short', 's3://ab/k', 'invalid-bucket', /3 to 63 characters long, not 2/],
  ['too long', `s3://${'a'.repeat(64)}/k`, 'invalid-bucket', /3 to 63 characters long, not 64/],
  ['double dot', 'https://s3.amazonaws.com/my..bucket/k', 'invalid-bucket', /two dots in a row/],
  ['IP address', 's3://192.168.1.1/k', 'invalid-bucket', /IP address/],
  ['starts with a hyphen', 's3://-bucket/k', 'invalid-bucket', /start and end with/],
  ['ends with a dot', 'https://s3.amazonaws.com/bucket./k', 'invalid-bucket', /start and end with/],
  ['xn-- prefix', 's3://xn--bucket/k', 'invalid-bucket', /starting with "xn--"/],
  ['-s3alias suffix', 's3://my-bucket-s3alias/k', 'invalid-bucket', /ending with "-s3alias"/],
  [
    '--ol-s3 suffix',
    'https://my-bucket--ol-s3.s3.amazonaws.com/k',
    'invalid-bucket',
    /ending with "--ol-s3"/,
  ],
  ['.mrap suffix', 's3://my-bucket.mrap/k', 'invalid-bucket', /ending with ".mrap"/],
  [
    'R2 bucket rules are strict',
    `https://${ACCOUNT}.r2.cloudflarestorage.com/My_Bucket/k`,
    'invalid-bucket',
    /lowercase/,
  ],
  [
    'custom: legacy set only',
    'http://127.0.0.1:7480/bad%20bucket/k',
    'invalid-bucket',
    /letters, digits, dots, hyphens and underscores/,
  ],
  [
    'custom: 256 chars',
    `http://127.0.0.1:7480/${'a'.repeat(256)}/k`,
    'invalid-bucket',
    /1 to 255 characters/,
  ],
  [
    '1,025-byte key',
    `${VH}/${'a'.repeat(1025)}`,
    'invalid-key',
    /1025 bytes long in UTF-8; S3 allows at most 1024/,
  ],
  ['lone surrogate key', 's3://my-bucket/a\ud800b', 'invalid-key', /broken Unicode/],
  ['%zz', `${VH}/a%zzb`, 'bad-encoding', /link is damaged/],
  ['lone %', `${VH}/50%`, 'bad-encoding', /malformed or not valid UTF-8/],
  ['%C3 alone', `${VH}/caf%C3`, 'bad-encoding', /damaged/],
  ['%FF', `${VH}/%FF`, 'bad-encoding', /damaged/],
  ['encoded surrogate', `${VH}/%ED%A0%80`, 'bad-encoding', /damaged/],
  ['overlong UTF-8', `${VH}/%C0%AF`, 'bad-encoding', /damaged/],
  ['bad escape in bucket', 'https://s3.amazonaws.com/my%zzbucket/k', 'bad-encoding', /damaged/],
  [
    'bad console prefix',
    'https://console.aws.amazon.com/s3/object/my-bucket?prefix=caf%C3',
    'bad-encoding',
    /damaged/,
  ],
  ['bad versionId', `${VH}/k?versionId=%E0%A4`, 'bad-encoding', /damaged/],
  ['bad s3:// escape', 's3://my-bucket/a%20%C3', 'bad-encoding', /Copy the link again/],
];

function thrown(run: () => unknown): PresignError {
  try {
    run();
  } catch (error) {
    if (error instanceof PresignError) return error;
    throw error;
  }
  throw new Error('expected a PresignError, got a result');
}

describe('parseS3Url', () => {
  it.each(GOOD)('%s: %s', (_name, input, expected) => {
    expect(parseS3Url(input, KNOWN)).toEqual(expected);
  });

  it.each(BAD)('refuses %s: %s', (_name, input, code, message) => {
    const error = thrown(() => parseS3Url(input, KNOWN));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('omits the fields the URL does not give', () => {
    expect(Object.keys(parseS3Url('s3://my-bucket/k')).sort()).toEqual([
      'addressing',
      'bucket',
      'key',
      'presigned',
    ]);
  });

  it('keeps signature parameters out of every field', () => {
    const ref = parseS3Url(
      `https://examplebucket.s3.amazonaws.com/test.txt?${AWS_DOC_SIGNATURE}&versionId=v2`,
    );
    expect(JSON.stringify(ref)).not.toMatch(/AKIA|aeeed9|X-Amz|20130524/);
  });

  it('never puts the link itself in a message (it may hold a signature)', () => {
    const error = thrown(() => parseS3Url(`https://my-bucket.s3.amazonaws.com/a%zz?${AWS_DOC_SIGNATURE}`));
    expect(error.message).not.toMatch(/AKIA|aeeed9/);
  });

  it('needs knownEndpoints for custom stores', () => {
    expect(thrown(() => parseS3Url('http://127.0.0.1:7480/my-bucket/k')).code).toBe('not-s3');
  });
});

describe('custom endpoints signed virtual-hosted (a profile without path-style)', () => {
  const minio = { endpoint: 'https://minio.example.com', virtualHosted: true };

  it.each([
    [
      'bucket label before the endpoint’s host',
      'https://photos.minio.example.com/a.jpg',
      [minio],
      custom('https://minio.example.com', 'photos', 'a.jpg', { addressing: 'virtual-hosted' }),
    ],
    [
      'with the endpoint’s port',
      'https://photos.minio.example.com:9000/dir/a%20b.jpg',
      [{ endpoint: 'https://minio.example.com:9000', virtualHosted: true }],
      custom('https://minio.example.com:9000', 'photos', 'dir/a b.jpg', { addressing: 'virtual-hosted' }),
    ],
    [
      'with the endpoint’s path prefix',
      'https://photos.storage.example.com/s3/a.jpg',
      [{ endpoint: 'https://storage.example.com/s3', virtualHosted: true }],
      custom('https://storage.example.com/s3', 'photos', 'a.jpg', { addressing: 'virtual-hosted' }),
    ],
    [
      'path-style on the same endpoint still',
      'https://minio.example.com/photos/a.jpg',
      [minio],
      custom('https://minio.example.com', 'photos', 'a.jpg'),
    ],
    [
      'a host that is itself a known endpoint reads path-style',
      'https://photos.minio.example.com/b/a.jpg',
      [minio, { endpoint: 'https://photos.minio.example.com' }],
      custom('https://photos.minio.example.com', 'b', 'a.jpg'),
    ],
  ] as const)('reads %s', (_name, url, known, expected) => {
    expect(parseS3Url(url, known)).toEqual(expected);
  });

  it.each([
    [
      'the endpoint is path-style only',
      'https://photos.minio.example.com/a.jpg',
      [{ endpoint: 'https://minio.example.com' }],
    ],
    ['two labels before the host', 'https://a.photos.minio.example.com/k', [minio]],
    ['another port', 'https://photos.minio.example.com:9001/k', [minio]],
    ['another scheme', 'http://photos.minio.example.com/k', [minio]],
    [
      'outside the path prefix',
      'https://photos.storage.example.com/k',
      [{ endpoint: 'https://storage.example.com/s3', virtualHosted: true }],
    ],
  ] as const)('refuses a bucket host when %s', (_name, url, known) => {
    expect(thrown(() => parseS3Url(url, known)).code).toBe('not-s3');
  });
});

describe('bucket hosts of the S3-compatible stores the setup presets sign path-style', () => {
  // The profiles the presets save, as the user's profiles would hold them.
  const preset = (id: ProviderId, inputs: ProviderInputs): Profile => {
    const settings = applyProvider(id, inputs);
    if (isProviderError(settings)) throw new Error(settings.error);
    return { ...cephProfile, id, ...settings };
  };
  const profiles = [
    preset('spaces', { region: 'fra1' }),
    preset('wasabi', { region: 'eu-central-2' }),
    preset('b2', { region: 'us-west-004' }),
    preset('r2', { accountId: ACCOUNT, jurisdiction: 'eu' }),
  ];
  const known = knownEndpoints(profiles);

  it.each([
    [
      'Spaces',
      'https://my-bucket.fra1.digitaloceanspaces.com/a/b.txt',
      'https://fra1.digitaloceanspaces.com',
    ],
    [
      'Wasabi',
      'https://my-bucket.s3.eu-central-2.wasabisys.com/a/b.txt',
      'https://s3.eu-central-2.wasabisys.com',
    ],
    [
      'B2',
      'https://my-bucket.s3.us-west-004.backblazeb2.com/a/b.txt',
      'https://s3.us-west-004.backblazeb2.com',
    ],
  ])('reads a %s link with the bucket in the host, as its console copies it', (_store, url, endpoint) => {
    expect(parseS3Url(url, known)).toEqual(
      custom(endpoint, 'my-bucket', 'a/b.txt', { addressing: 'virtual-hosted' }),
    );
  });

  it.each([
    [
      'Spaces',
      'https://fra1.digitaloceanspaces.com/my-bucket/a/b.txt',
      'https://fra1.digitaloceanspaces.com',
    ],
    [
      'Wasabi',
      'https://s3.eu-central-2.wasabisys.com/my-bucket/a/b.txt',
      'https://s3.eu-central-2.wasabisys.com',
    ],
    [
      'B2',
      'https://s3.us-west-004.backblazeb2.com/my-bucket/a/b.txt',
      'https://s3.us-west-004.backblazeb2.com',
    ],
  ])('still reads a path-style %s link', (_store, url, endpoint) => {
    expect(parseS3Url(url, known)).toEqual(custom(endpoint, 'my-bucket', 'a/b.txt'));
  });

  it('reads an R2 bucket host in a jurisdiction as that profile’s endpoint', () => {
    const ref = parseS3Url(`https://my-bucket.${ACCOUNT}.eu.r2.cloudflarestorage.com/k.bin`, known);
    expect(ref.endpoint).toBe(normalizeEndpoint(profiles[3]?.endpoint ?? ''));
  });

  it.each([
    ['a Spaces CDN host (not the S3 API)', 'https://my-bucket.fra1.cdn.digitaloceanspaces.com/a.txt'],
    ['another Spaces region than the profile’s', 'https://my-bucket.nyc3.digitaloceanspaces.com/a.txt'],
    ['two labels before the service host', 'https://a.my-bucket.fra1.digitaloceanspaces.com/k'],
  ])('refuses %s', (_name, url) => {
    expect(thrown(() => parseS3Url(url, known)).code).toBe('not-s3');
  });
});

describe('normalizeEndpoint', () => {
  it.each([
    ['http://127.0.0.1:7480', 'http://127.0.0.1:7480'],
    ['  https://MinIO.Example.com:443/  ', 'https://minio.example.com'],
    ['http://localhost:80', 'http://localhost'],
    ['https://minio.example.com:9000', 'https://minio.example.com:9000'],
    ['https://storage.example.com/s3/', 'https://storage.example.com/s3'],
    ['https://storage.example.com//s3//v2/', 'https://storage.example.com/s3/v2'],
    ['https://h.example/my s3', 'https://h.example/my%20s3'],
    ['https://h.example/my%20s3', 'https://h.example/my%20s3'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeEndpoint(input)).toBe(expected);
  });

  it.each([
    ['https://key:secret@minio.example.com', /user name or password/],
    ['https://minio.example.com/?region=x', /query string/],
    ['https://minio.example.com/#top', /fragment/],
    ['ftp://minio.example.com', /uses ftp:\/\/; only http:\/\/ and https:\/\//],
    ['minio.example.com:9000', /must start with http:\/\/ or https:\/\//],
    ['minio.example.com', /must start with http:\/\/ or https:\/\//],
    ['http://', /not a valid URL/],
    ['https://h.example/a%zz', /malformed %-escape/],
  ])('refuses %j', (input, message) => {
    const error = thrown(() => normalizeEndpoint(input));
    expect(error.code).toBe('invalid-endpoint');
    expect(error.message).toMatch(message);
  });

  it('never repeats the endpoint in its message (it may hold a password)', () => {
    expect(thrown(() => normalizeEndpoint('https://key:hunter2@minio.example.com')).message).not.toMatch(
      /hunter2/,
    );
  });

  it('gives back a form that matches itself', () => {
    const endpoint = normalizeEndpoint('https://Storage.Example.com:443/my s3/');
    expect(parseS3Url(`${endpoint}/my-bucket/k`, pathStyle(endpoint))).toEqual(
      custom(endpoint, 'my-bucket', 'k'),
    );
    expect(
      parseS3Url(
        'https://storage.example.com/my%20s3/my-bucket/k',
        pathStyle('https://storage.example.com/my s3'),
      ),
    ).toEqual(custom(endpoint, 'my-bucket', 'k'));
  });
});

describe('round trip for any key', () => {
  const utf8Bytes = (key: string) => new TextEncoder().encode(key).length;
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(
      '/',
      '//',
      '.',
      '..',
      '../',
      './',
      '%',
      '%2F',
      '%25',
      '+',
      ' ',
      '?',
      '#',
      '&',
      'é',
      'e\u0301',
    ),
  );
  const keys = fc
    .array(piece, { minLength: 1, maxLength: 12 })
    .map((pieces) => pieces.join(''))
    .filter((key) => key.length > 0 && !key.endsWith('/') && utf8Bytes(key) <= 1024);
  const longKeys = fc
    .string({ unit: 'grapheme', minLength: 200, maxLength: 1024 })
    .filter((key) => !key.endsWith('/') && utf8Bytes(key) <= 1024);

  const encodedForms = (key: string): Array<[string, KnownEndpoint[]]> => [
    [`https://my-bucket.s3.us-east-1.amazonaws.com/${encodeKey(key)}`, []],
    [`https://s3.us-east-1.amazonaws.com/my-bucket/${encodeKey(key)}`, []],
    [`s3://my-bucket/${encodeKey(key)}`, []],
    [`https://storage.example.com/s3/my-bucket/${encodeKey(key)}`, KNOWN],
    [`https://${ACCOUNT}.r2.cloudflarestorage.com/my-bucket/${encodeKey(key)}`, []],
    [
      `https://us-east-1.console.aws.amazon.com/s3/object/my-bucket?region=us-east-1&prefix=${encodeURIComponent(key)}`,
      [],
    ],
  ];

  it('parses every encoded form back to the same key', () => {
    fc.assert(
      fc.property(fc.oneof(keys, longKeys), (key) => {
        for (const [url, known] of encodedForms(key)) expect(parseS3Url(url, known).key).toBe(key);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a raw s3:// key literally unless it looks browser-encoded', () => {
    const looksEncoded = (key: string) => /^[!-~]*$/.test(key) && /%[0-9A-Fa-f]{2}/.test(key);
    // Surrounding whitespace is trimmed from every input, so such keys only survive in encoded form.
    const literalKeys = keys.filter((key) => key.trim() === key && !looksEncoded(key));
    fc.assert(
      fc.property(literalKeys, (key) => {
        expect(parseS3Url(`s3://my-bucket/${key}`).key).toBe(key);
      }),
      { numRuns: 400 },
    );
  });
});
