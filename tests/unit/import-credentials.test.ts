import { describe, expect, it } from 'vitest';
import {
  type ImportResult,
  importSummary,
  nothingToImport,
  parseCredentialsImport,
  previewImport,
} from '@/utils/import-credentials';
import { EMPTY_DRAFT, type ProfileDraft } from '@/utils/profile-draft';

const ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TEMP_ID = 'ASIAIOSFODNN7EXAMPLE';
const TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==';
const NOW = new Date('2026-11-22T10:00:00Z');
const LATER = '2026-11-22T11:00:00+00:00';

const text = (...lines: string[]): string => lines.join('\n');
const draft = (fields: Partial<ProfileDraft>): ProfileDraft => ({
  ...EMPTY_DRAFT,
  name: 'default',
  accessKeyId: ID,
  secretAccessKey: SECRET,
  forcePathStyle: false,
  ...fields,
});
const drafts = (result: ImportResult): ProfileDraft[] => result.entries.map((entry) => entry.draft);
const messages = (result: ImportResult): string[] => result.problems.map((problem) => problem.message);

describe('a ~/.aws/credentials file', () => {
  it.each([
    [
      'as aws configure writes it',
      text('[default]', `aws_access_key_id = ${ID}`, `aws_secret_access_key = ${SECRET}`),
      1,
    ],
    [
      'with CRLF line ends',
      `[default]\r\naws_access_key_id = ${ID}\r\naws_secret_access_key = ${SECRET}\r\n`,
      1,
    ],
    [
      'with a byte order mark',
      `\uFEFF[default]\naws_access_key_id=${ID}\naws_secret_access_key=${SECRET}`,
      1,
    ],
    [
      'without spaces around =',
      text('[default]', `aws_access_key_id=${ID}`, `aws_secret_access_key=${SECRET}`),
      1,
    ],
    [
      'with keys in capitals',
      text('[default]', `AWS_ACCESS_KEY_ID = ${ID}`, `Aws_Secret_Access_Key = ${SECRET}`),
      1,
    ],
    [
      'with comments and blank lines',
      text(
        '# mine',
        '',
        '[default]  ; personal',
        '; old key below',
        `aws_access_key_id = ${ID} # rotated`,
        '',
        `aws_secret_access_key = ${SECRET}`,
        '',
      ),
      3,
    ],
    [
      'with quoted values',
      text('[default]', `aws_access_key_id = "${ID}"`, `aws_secret_access_key = '${SECRET}'`),
      1,
    ],
    [
      'indented as a whole',
      text('  [default]', `  aws_access_key_id = ${ID}`, `  aws_secret_access_key = ${SECRET}`),
      1,
    ],
    [
      'without its [default] line',
      text('', `aws_access_key_id = ${ID}`, `aws_secret_access_key = ${SECRET}`),
      2,
    ],
  ])('reads one written %s', (_name, pasted, line) => {
    const result = parseCredentialsImport(pasted);
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([{ section: 'default', line, source: 'ini', draft: draft({}) }]);
  });

  it('reads every section, in order, with session tokens and regions', () => {
    const result = parseCredentialsImport(
      text(
        '[default]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${SECRET}`,
        '',
        '[temp]',
        `aws_access_key_id = ${TEMP_ID}`,
        `aws_secret_access_key = ${SECRET}`,
        `aws_session_token = ${TOKEN}`,
        `x_security_token_expires = ${LATER}`,
        'region = eu-west-3',
        '[legacy]',
        `aws_access_key_id = ${TEMP_ID}`,
        `aws_secret_access_key = ${SECRET}`,
        `aws_security_token = ${TOKEN}`,
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.entries.map((entry) => [entry.section, entry.line])).toEqual([
      ['default', 1],
      ['temp', 5],
      ['legacy', 11],
    ]);
    expect(result.entries[1]?.draft).toEqual(
      draft({
        name: 'temp',
        accessKeyId: TEMP_ID,
        sessionToken: TOKEN,
        sessionExpiration: LATER,
        region: 'eu-west-3',
      }),
    );
    expect(result.entries[2]?.draft.sessionToken).toBe(TOKEN);
  });

  it('reads `key: value` lines, as the AWS CLI does, and keeps a colon that comes after the =', () => {
    const result = parseCredentialsImport(
      text(
        '[work]',
        `aws_access_key_id: ${ID}`,
        `aws_secret_access_key : ${SECRET}`,
        'region:eu-west-3',
        '[profile work]',
        'endpoint_url = http://127.0.0.1:9000',
        's3 :',
        '  addressing_style: virtual',
      ),
    );
    expect(result.problems).toEqual([]);
    expect(drafts(result)).toEqual([
      draft({ name: 'work', region: 'eu-west-3', endpoint: 'http://127.0.0.1:9000', forcePathStyle: false }),
    ]);
  });

  it('keeps a section with half a key pair, for the form to say what is missing', () => {
    const result = parseCredentialsImport(text('[ci]', `aws_access_key_id = ${ID}`));
    expect(drafts(result)).toEqual([draft({ name: 'ci', secretAccessKey: '' })]);
  });

  it('reports a line that is not key = value, and suggests joining a split value', () => {
    const result = parseCredentialsImport(
      text(
        '[work]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${SECRET}`,
        'aws_session_token = IQoJb3',
        'JpZ2luX2Vj==',
      ),
    );
    expect(result.problems).toEqual([
      {
        section: 'work',
        line: 5,
        message: expect.stringMatching(
          /^Line 5 in \[work\] is not “key = value” and was skipped\. .*join them/,
        ),
      },
    ]);
    expect(result.entries).toHaveLength(1);
  });

  it('warns when a profile appears twice with different keys, and keeps the later ones', () => {
    const result = parseCredentialsImport(
      text(
        '[work]',
        `aws_access_key_id = ${ID}`,
        '[work]',
        `aws_access_key_id = ${TEMP_ID}`,
        `aws_secret_access_key = ${SECRET}`,
      ),
    );
    expect(drafts(result)).toEqual([draft({ name: 'work', accessKeyId: TEMP_ID })]);
    expect(result.problems).toEqual([
      { section: 'work', line: 3, message: expect.stringMatching(/appears twice with different keys/) },
    ]);
  });

  it('reports settings above every header that hold no key', () => {
    const result = parseCredentialsImport(
      text('region = eu-west-1', '[work]', `aws_access_key_id = ${ID}`, `aws_secret_access_key = ${SECRET}`),
    );
    expect(result.entries).toHaveLength(1);
    expect(result.problems).toEqual([
      { line: 1, message: expect.stringMatching(/add a line like \[default\]/) },
    ]);
  });
});

describe('a ~/.aws/config file', () => {
  const withKeys = (...lines: string[]) =>
    parseCredentialsImport(
      text('[profile work]', `aws_access_key_id = ${ID}`, `aws_secret_access_key = ${SECRET}`, ...lines),
    );

  it.each([
    ['no endpoint', [], { endpoint: '', forcePathStyle: false }],
    ['a region', ['region = eu-central-1'], { region: 'eu-central-1' }],
    [
      'an endpoint_url',
      ['endpoint_url = http://127.0.0.1:9000'],
      { endpoint: 'http://127.0.0.1:9000', forcePathStyle: true },
    ],
    [
      'an s3 block with an endpoint',
      ['s3 =', '  endpoint_url = https://minio.example.com'],
      { endpoint: 'https://minio.example.com', forcePathStyle: true },
    ],
    [
      'an s3 block with virtual addressing',
      ['endpoint_url = https://minio.example.com', 's3 =', '    addressing_style = virtual'],
      { endpoint: 'https://minio.example.com', forcePathStyle: false },
    ],
    ['path addressing without an endpoint', ['s3 =', '  addressing_style = path'], { forcePathStyle: true }],
    [
      'an s3 block that wins over endpoint_url',
      ['endpoint_url = https://global.example.com', 's3 =', '  endpoint_url = https://s3.example.com'],
      { endpoint: 'https://s3.example.com', forcePathStyle: true },
    ],
    [
      'a services block',
      [
        'services = local',
        '[services local]',
        's3 =',
        '  endpoint_url = http://localhost:9000',
        'dynamodb =',
        '  endpoint_url = http://localhost:8000',
      ],
      { endpoint: 'http://localhost:9000', forcePathStyle: true },
    ],
    [
      'a services block that wins over endpoint_url',
      [
        'endpoint_url = https://global.example.com',
        'services = s',
        '[services s]',
        's3 =',
        '  endpoint_url = https://s3.example.com',
      ],
      { endpoint: 'https://s3.example.com', forcePathStyle: true },
    ],
    [
      'a services block declared first',
      ['services = s'],
      { endpoint: 'https://first.example.com', forcePathStyle: true },
      text('[services s]', 's3 =', '  endpoint_url = https://first.example.com'),
    ],
    [
      'endpoints switched off',
      ['endpoint_url = https://minio.example.com', 'ignore_configured_endpoint_urls = true'],
      { endpoint: '', forcePathStyle: false },
    ],
    [
      'a block that ends at the next unindented line',
      ['s3 =', '  addressing_style = path', '', 'region = ap-south-1'],
      { region: 'ap-south-1', forcePathStyle: true },
    ],
  ] as [string, string[], Partial<ProfileDraft>, string?][])('reads %s', (_name, lines, expected, before) => {
    const result = before
      ? parseCredentialsImport(
          `${before}\n${text('[profile work]', `aws_access_key_id = ${ID}`, `aws_secret_access_key = ${SECRET}`, ...lines)}`,
        )
      : withKeys(...lines);
    expect(result.problems).toEqual([]);
    expect(drafts(result)).toEqual([draft({ name: 'work', ...expected })]);
  });

  it('reports a services block that was not pasted', () => {
    const result = withKeys('services = elsewhere');
    expect(result.entries).toHaveLength(1);
    expect(messages(result)).toEqual([
      expect.stringMatching(/\[services elsewhere\], which is not in what you pasted/),
    ]);
  });

  it.each([
    [
      'SSO through a session',
      ['sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = ReadOnly'],
      /IAM Identity Center \(SSO\)/,
    ],
    [
      'legacy SSO',
      ['sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1'],
      /IAM Identity Center \(SSO\)/,
    ],
    [
      'a role',
      ['role_arn = arn:aws:iam::111122223333:role/Reader', 'source_profile = default'],
      /assumes an IAM role/,
    ],
    [
      'a role from the instance',
      ['role_arn = arn:aws:iam::111122223333:role/R', 'credential_source = Ec2InstanceMetadata'],
      /assumes an IAM role/,
    ],
    [
      'a web identity',
      ['role_arn = arn:aws:iam::1:role/R', 'web_identity_token_file = /tmp/token'],
      /web identity token/,
    ],
    ['a credential process', ['credential_process = /usr/local/bin/vault-creds work'], /credential_process/],
  ])('explains that a profile using %s has no keys to import', (_name, lines, how) => {
    const result = parseCredentialsImport(text('[profile work]', 'region = eu-west-1', ...lines));
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([
      {
        section: 'work',
        line: 1,
        message: expect.stringMatching(how),
      },
    ]);
    expect(result.problems[0]?.message).toMatch(
      /cannot be imported from it\. Run `aws configure export-credentials --profile work` and paste the JSON/,
    );
  });

  it.each([
    ['a role', 'role_arn = arn:aws:iam::111122223333:role/Reader', /also assumes an IAM role \(role_arn\)/],
    ['SSO', 'sso_session = corp', /also signs in through IAM Identity Center/],
  ])('imports keys written next to %s, and says the CLI would sign as that instead', (_name, line, how) => {
    const result = parseCredentialsImport(
      text('[work]', `aws_access_key_id = ${ID}`, `aws_secret_access_key = ${SECRET}`, line),
    );
    expect(result.entries.map((entry) => entry.draft.accessKeyId)).toEqual([ID]);
    expect(messages(result)).toEqual([expect.stringMatching(how)]);
    expect(messages(result)[0]).toMatch(
      /run `aws configure export-credentials --profile work` and paste the JSON/,
    );
    expect(messages(result)[0]).not.toContain(SECRET);
  });

  it('says nothing of keys next to a credential_process (the CLI uses the keys) or of session keys', () => {
    const process = parseCredentialsImport(
      text(
        '[work]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${SECRET}`,
        'credential_process = x',
      ),
    );
    const session = parseCredentialsImport(
      text(
        '[work]',
        `aws_access_key_id = ASIA${ID.slice(4)}`,
        `aws_secret_access_key = ${SECRET}`,
        'aws_session_token = token',
        'role_arn = arn:aws:iam::1:role/R',
      ),
    );
    expect([process.entries.length, session.entries.length]).toEqual([1, 1]);
    expect([...messages(process), ...messages(session)]).toEqual([]);
  });

  it('quotes a profile name with a space in the command it suggests', () => {
    const result = parseCredentialsImport(text('[profile Work Account]', 'sso_session = corp'));
    expect(messages(result)).toEqual([expect.stringContaining('--profile "Work Account"`')]);
  });

  it('asks for the credentials file when a profile has settings but no keys', () => {
    const result = parseCredentialsImport(text('[default]', 'region = eu-west-1', 'output = json'));
    expect(result.entries).toEqual([]);
    expect(messages(result)).toEqual([
      expect.stringMatching(
        /^Profile “default” has no keys in what you pasted: paste its section of ~\/\.aws\/credentials/,
      ),
    ]);
  });

  it('skips sso-session, services and plugins sections without a word', () => {
    const result = parseCredentialsImport(
      text(
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        '[services local]',
        's3 =',
        '  endpoint_url = http://localhost:9000',
        '[plugins]',
        'cli_legacy_plugin_path = /opt/plugins',
        '[profile work]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${SECRET}`,
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.entries.map((entry) => entry.section)).toEqual(['work']);
  });
});

describe('both files, pasted one after the other', () => {
  it.each([
    [
      'credentials first',
      text(
        '[work]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${SECRET}`,
        '',
        '[profile work]',
        'region = eu-west-3',
        'endpoint_url = https://minio.example.com',
      ),
    ],
    [
      'config first',
      text(
        '[profile work]',
        'region = eu-west-3',
        'endpoint_url = https://minio.example.com',
        '',
        '[work]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${SECRET}`,
      ),
    ],
  ])('merges a profile by name, %s', (_name, pasted) => {
    const result = parseCredentialsImport(pasted);
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([
      {
        section: 'work',
        line: 1,
        source: 'ini',
        draft: draft({
          name: 'work',
          region: 'eu-west-3',
          endpoint: 'https://minio.example.com',
          forcePathStyle: true,
        }),
      },
    ]);
  });

  it('merges [default] with [profile default]', () => {
    const result = parseCredentialsImport(
      text(
        '[default]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${SECRET}`,
        '[profile default]',
        'region = sa-east-1',
      ),
    );
    expect(drafts(result)).toEqual([draft({ region: 'sa-east-1' })]);
  });

  it('gives a profile from the config its keys from an export-credentials paste of the same name', () => {
    const result = parseCredentialsImport(
      text(
        '[profile sso]',
        'sso_session = corp',
        'region = eu-north-1',
        '$ aws configure export-credentials --profile sso',
        `{"Version": 1, "AccessKeyId": "${TEMP_ID}", "SecretAccessKey": "${SECRET}", "SessionToken": "${TOKEN}", "Expiration": "${LATER}"}`,
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([
      {
        section: 'sso',
        line: 1,
        source: 'json',
        draft: draft({
          name: 'sso',
          accessKeyId: TEMP_ID,
          sessionToken: TOKEN,
          sessionExpiration: LATER,
          region: 'eu-north-1',
        }),
      },
    ]);
  });
});

describe('JSON', () => {
  const exported = `{\n  "Version": 1,\n  "AccessKeyId": "${TEMP_ID}",\n  "SecretAccessKey": "${SECRET}",\n  "SessionToken": "${TOKEN}",\n  "Expiration": "${LATER}"\n}`;
  const temporary = { accessKeyId: TEMP_ID, sessionToken: TOKEN, sessionExpiration: LATER };

  it.each([
    ['export-credentials output', exported, draft(temporary)],
    ['export-credentials output on one line', exported.replaceAll('\n', ''), draft(temporary)],
    [
      'the output after the command that printed it',
      text('$ aws configure export-credentials --profile work', exported, '$ '),
      draft({ ...temporary, name: 'work' }),
    ],
    [
      'the output after a PowerShell command',
      text('PS C:\\Users\\me> aws configure export-credentials --profile=work', exported),
      draft({ ...temporary, name: 'work' }),
    ],
    [
      'aws sts assume-role output, named after the role',
      `{"Credentials": {"AccessKeyId": "${TEMP_ID}", "SecretAccessKey": "${SECRET}", "SessionToken": "${TOKEN}", "Expiration": "${LATER}"}, "AssumedRoleUser": {"AssumedRoleId": "AROA:me", "Arn": "arn:aws:sts::111122223333:assumed-role/Reader/me"}}`,
      draft({ ...temporary, name: 'Reader' }),
    ],
    [
      'aws sts output after a command whose --profile is the caller, not the result',
      text(
        '$ aws sts get-session-token --profile admin',
        `{"Credentials": {"AccessKeyId": "${TEMP_ID}", "SecretAccessKey": "${SECRET}", "SessionToken": "${TOKEN}", "Expiration": "${LATER}"}}`,
      ),
      draft(temporary),
    ],
    [
      'aws iam create-access-key output, named after the user',
      `{"AccessKey": {"UserName": "ci-bot", "AccessKeyId": "${ID}", "Status": "Active", "SecretAccessKey": "${SECRET}", "CreateDate": "2026-01-01T00:00:00Z"}}`,
      draft({ name: 'ci-bot' }),
    ],
    ['an SDK credentials object', `{"accessKeyId": "${ID}", "secretAccessKey": "${SECRET}"}`, draft({})],
  ])('reads %s', (_name, pasted, expected) => {
    const result = parseCredentialsImport(pasted);
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([
      { section: expected.name, line: expect.any(Number), source: 'json', draft: expected },
    ]);
  });

  it('reads two outputs as two profiles, each named by its command', () => {
    const result = parseCredentialsImport(
      text(
        '$ aws configure export-credentials --profile dev',
        exported,
        '$ aws configure export-credentials --profile prod',
        exported.replace(TEMP_ID, 'ASIAPRODPRODPRODPROD'),
      ),
    );
    expect(result.entries.map((entry) => [entry.section, entry.line, entry.draft.accessKeyId])).toEqual([
      ['dev', 2, TEMP_ID],
      ['prod', 10, 'ASIAPRODPRODPRODPROD'],
    ]);
  });

  it('keeps two unnamed outputs with different keys apart', () => {
    const result = parseCredentialsImport(text(exported, exported.replace(TEMP_ID, 'ASIAOTHEROTHEROTHERO')));
    expect(result.entries.map((entry) => entry.draft.name)).toEqual(['default', 'default-2']);
  });

  it.each([
    ['cut off', exported.slice(0, -10), /cut off: copy the whole output/],
    ['damaged', exported.replace('"Version": 1,', '"Version": 1,,'), /damaged: copy the output/],
    ['without keys', '{"Version": 1, "Expiration": "2026-01-01T00:00:00Z"}', /holds no AccessKeyId/],
  ])('reports JSON that is %s, at its first line', (_name, json, message) => {
    const result = parseCredentialsImport(text('$ aws configure export-credentials', json));
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([{ line: 2, message: expect.stringMatching(message) }]);
  });
});

describe('shell variables', () => {
  const variables = {
    AWS_ACCESS_KEY_ID: TEMP_ID,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SESSION_TOKEN: TOKEN,
    AWS_CREDENTIAL_EXPIRATION: LATER,
  };
  const as = (line: (name: string, value: string) => string) =>
    Object.entries(variables)
      .map(([name, value]) => line(name, value))
      .join('\n');

  it.each([
    ['env', as((name, value) => `export ${name}=${value}`)],
    ['env-no-export', as((name, value) => `${name}=${value}`)],
    ['powershell', as((name, value) => `$Env:${name}="${value}"`)],
    ['windows-cmd', as((name, value) => `set ${name}=${value}`)],
    ['fish', as((name, value) => `set -gx ${name} "${value}"`)],
    ['a .env file', as((name, value) => `${name} = "${value}" # from the vault`)],
  ])('reads the %s format', (_name, pasted) => {
    const result = parseCredentialsImport(pasted);
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([
      {
        section: 'default',
        line: 1,
        source: 'env',
        draft: draft({ accessKeyId: TEMP_ID, sessionToken: TOKEN, sessionExpiration: LATER }),
      },
    ]);
  });

  it.each([
    [
      'AWS_REGION over AWS_DEFAULT_REGION',
      ['AWS_DEFAULT_REGION=us-west-2', 'AWS_REGION=eu-west-1'],
      { region: 'eu-west-1' },
    ],
    ['AWS_DEFAULT_REGION alone', ['AWS_DEFAULT_REGION=us-west-2'], { region: 'us-west-2' }],
    [
      'AWS_ENDPOINT_URL_S3 over AWS_ENDPOINT_URL',
      ['AWS_ENDPOINT_URL_S3=https://s3.example.com', 'AWS_ENDPOINT_URL=https://all.example.com'],
      { endpoint: 'https://s3.example.com', forcePathStyle: true },
    ],
    [
      'AWS_ENDPOINT_URL alone',
      ['AWS_ENDPOINT_URL=http://127.0.0.1:9000'],
      { endpoint: 'http://127.0.0.1:9000', forcePathStyle: true },
    ],
    ['AWS_PROFILE as the name', ['AWS_PROFILE=backups'], { name: 'backups' }],
  ])('takes %s', (_name, extra, expected) => {
    const pasted = text(
      ...extra.map((line) => `export ${line}`),
      `export AWS_ACCESS_KEY_ID=${ID}`,
      `export AWS_SECRET_ACCESS_KEY=${SECRET}`,
    );
    expect(drafts(parseCredentialsImport(pasted))).toEqual([draft(expected)]);
  });

  it('names the variables after the export-credentials command that printed them', () => {
    const result = parseCredentialsImport(
      text(
        '$ aws configure export-credentials --profile work --format env',
        as((name, value) => `export ${name}=${value}`),
      ),
    );
    expect(result.entries.map((entry) => [entry.section, entry.line])).toEqual([['work', 2]]);
  });

  it('starts a new profile when a variable comes again', () => {
    const result = parseCredentialsImport(
      text(
        `export AWS_ACCESS_KEY_ID=${ID}`,
        `export AWS_SECRET_ACCESS_KEY=${SECRET}`,
        `export AWS_ACCESS_KEY_ID=${TEMP_ID}`,
        `export AWS_SECRET_ACCESS_KEY=${SECRET}`,
        `export AWS_SESSION_TOKEN=${TOKEN}`,
      ),
    );
    expect(result.entries.map((entry) => [entry.section, entry.line, entry.draft.sessionToken])).toEqual([
      ['default', 1, ''],
      ['default-2', 3, TOKEN],
    ]);
  });

  it('reports variables that hold no keys', () => {
    const result = parseCredentialsImport(text('export AWS_REGION=eu-west-1', 'export AWS_PROFILE=work'));
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([
      { line: 1, message: expect.stringMatching(/hold no keys .*--format env/) },
    ]);
  });

  it('reads capitalised keys under a [section] as that section’s, not as variables', () => {
    const result = parseCredentialsImport(
      text('[work]', `AWS_ACCESS_KEY_ID=${ID}`, `AWS_SECRET_ACCESS_KEY=${SECRET}`),
    );
    expect(result.entries).toEqual([
      { section: 'work', line: 1, source: 'ini', draft: draft({ name: 'work' }) },
    ]);
  });

  it('still reads exported variables pasted after a credentials file', () => {
    const result = parseCredentialsImport(
      text(
        '[work]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${SECRET}`,
        `export AWS_ACCESS_KEY_ID=${TEMP_ID}`,
        `export AWS_SECRET_ACCESS_KEY=${SECRET}`,
        `export AWS_SESSION_TOKEN=${TOKEN}`,
      ),
    );
    expect(result.entries.map((entry) => [entry.section, entry.source])).toEqual([
      ['work', 'ini'],
      ['default', 'env'],
    ]);
  });
});

describe('the IAM console’s access key CSV', () => {
  it.each([
    ['today’s', text('Access key ID,Secret access key', `${ID},${SECRET}`), draft({})],
    [
      'the older',
      text(
        'User name,Password,Access key ID,Secret access key,Console login link',
        `ci-bot,,${ID},${SECRET},https://111122223333.signin.aws.amazon.com/console`,
      ),
      draft({ name: 'ci-bot' }),
    ],
    ['a quoted', text('"Access key ID","Secret access key"', `"${ID}","${SECRET}"`, ''), draft({})],
  ])('reads %s file', (_name, pasted, expected) => {
    const result = parseCredentialsImport(pasted);
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([{ section: expected.name, line: 2, source: 'csv', draft: expected }]);
  });
});

describe('text with nothing to import', () => {
  it.each([
    ['nothing', ''],
    ['prose', 'my keys are in the vault'],
    ['bare keys', `${ID} ${SECRET}`],
    ['the command alone', '$ aws configure export-credentials --profile work'],
    [
      'a config with only an sso-session',
      text('[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start'),
    ],
  ])('says what it accepts, once, for %s', (_name, pasted) => {
    expect(parseCredentialsImport(pasted)).toEqual({
      entries: [],
      problems: [{ message: nothingToImport() }],
    });
  });

  it('names every accepted format in that message', () => {
    expect(nothingToImport()).toMatch(
      /~\/\.aws\/credentials.*~\/\.aws\/config.*export-credentials.*JSON.*env.*CSV/,
    );
  });
});

describe('secrets in messages', () => {
  const CANARY_SECRET = 'CANARYwJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLE';
  const CANARY_TOKEN = 'CANARYtokenIQoJb3JpZ2luX2VjEJr//////////wEaCXVz==';

  it.each([
    [
      'a line without =',
      text('[work]', `aws_access_key_id = ${ID}`, `aws_secret_access_key ${CANARY_SECRET}`),
    ],
    [
      'a token split over two lines',
      text(
        '[work]',
        `aws_access_key_id = ${TEMP_ID}`,
        `aws_secret_access_key = ${CANARY_SECRET}`,
        'aws_session_token = CANARYtoken',
        CANARY_TOKEN,
      ),
    ],
    ['keys above any header', text(CANARY_TOKEN, '[work]', `aws_access_key_id = ${ID}`)],
    [
      'damaged JSON',
      `{"AccessKeyId": "${ID}", "SecretAccessKey": "${CANARY_SECRET}" "SessionToken": "${CANARY_TOKEN}"}`,
    ],
    [
      'cut-off JSON',
      `{"AccessKeyId": "${ID}", "SecretAccessKey": "${CANARY_SECRET}", "SessionToken": "${CANARY_TOKEN}`,
    ],
    [
      'a secret with a space in it',
      text('[work]', `aws_access_key_id = ${ID}`, `aws_secret_access_key = ${CANARY_SECRET} x`),
    ],
    [
      'a secret in the key field',
      text('[work]', `aws_access_key_id = ${CANARY_SECRET}`, `aws_secret_access_key = ${CANARY_SECRET}`),
    ],
    [
      'an endpoint with a password',
      text(
        '[work]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${SECRET}`,
        `endpoint_url = https://me:${CANARY_SECRET}@minio.example.com`,
      ),
    ],
    [
      'a profile twice with different keys',
      text(
        '[work]',
        `aws_access_key_id = ${ID}`,
        `aws_secret_access_key = ${CANARY_SECRET}`,
        '[work]',
        `aws_access_key_id = ${TEMP_ID}`,
      ),
    ],
    [
      'variables without keys',
      text(`export AWS_SESSION_TOKEN_X=${CANARY_TOKEN}`, 'export AWS_REGION=eu-west-1'),
    ],
    [
      'an ASIA key without its token',
      text(`export AWS_ACCESS_KEY_ID=${TEMP_ID}`, `export AWS_SECRET_ACCESS_KEY=${CANARY_SECRET}`),
    ],
  ])('are never repeated: %s', (_name, pasted) => {
    const preview = previewImport(pasted, NOW, () => 'id');
    const shown = [
      ...preview.problems.map((problem) => problem.message),
      ...preview.entries.flatMap((entry) => Object.values(entry.errors ?? {})),
    ];
    // Each case must say something, or it would prove nothing.
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.join('\n')).not.toContain('CANARY');
  });
});

describe('previewImport', () => {
  const pasted = text(
    '[default]',
    `aws_access_key_id = ${ID}`,
    `aws_secret_access_key = ${SECRET}`,
    '[minio]',
    `aws_access_key_id = minioadmin`,
    `aws_secret_access_key = minioadmin`,
    '[temp]',
    `aws_access_key_id = ${TEMP_ID}`,
    `aws_secret_access_key = ${SECRET}`,
    '[old]',
    `aws_access_key_id = ${TEMP_ID}`,
    `aws_secret_access_key = ${SECRET}`,
    `aws_session_token = ${TOKEN}`,
    'x_security_token_expires = 2026-11-22T09:00:00Z',
    '[profile minio]',
    'endpoint_url = http://127.0.0.1:9000/',
    '[profile corp]',
    'sso_session = corp',
  );
  let ids = 0;
  const preview = previewImport(pasted, NOW, () => `id${++ids}`);

  it('counts the profiles ready to save and those that need fixing', () => {
    expect([preview.ready, preview.needsFixing]).toEqual([2, 2]);
    expect(importSummary(preview)).toBe('2 profiles ready, 2 need fixing');
  });

  it('gives each ready entry its validated profile, with a fresh id', () => {
    expect(preview.entries[0]?.profile).toEqual({
      id: 'id1',
      name: 'default',
      accessKeyId: ID,
      secretAccessKey: SECRET,
      region: 'us-east-1',
      forcePathStyle: false,
    });
    expect(preview.entries[1]?.profile).toMatchObject({
      id: 'id2',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
    });
  });

  it('gives the others the form’s messages', () => {
    expect(preview.entries[2]).toMatchObject({
      section: 'temp',
      errors: { sessionToken: expect.stringMatching(/session token/) },
    });
    // A paste has no Session expires field to update: it says how to get fresh keys.
    expect(preview.entries[3]).toMatchObject({
      section: 'old',
      errors: {
        sessionExpiration: expect.stringMatching(
          /already expired: run `aws configure export-credentials` again/,
        ),
      },
    });
  });

  it('passes on the problems with sections that could not be imported', () => {
    expect(preview.problems).toEqual([{ section: 'corp', line: 17, message: expect.stringMatching(/SSO/) }]);
  });
});

describe('importSummary', () => {
  it.each([
    [0, 0, 'No profile to import'],
    [1, 0, '1 profile ready'],
    [3, 1, '3 profiles ready, 1 needs fixing'],
    [0, 2, '0 profiles ready, 2 need fixing'],
  ])('%i ready, %i to fix → %j', (ready, needsFixing, summary) => {
    expect(importSummary({ ready, needsFixing })).toBe(summary);
  });
});
