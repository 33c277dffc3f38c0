import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { multipartForm } from '../helpers/multipart.js';
import type { FormPart } from '../helpers/multipart.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ sample: false });
});
afterEach(async () => t.close());

const CSV = 'name,kind,sector\nAlpha Org,ngo,civil society\n';
const file: FormPart = { name: 'file', filename: 'actors.csv', content: CSV };

const post = (parts: FormPart[], query = '') =>
  t.app.inject({ method: 'POST', url: `/api/import${query}`, ...multipartForm(parts) });

const written = async () =>
  (await t.gql('{ actors { totalCount } }')).data!.actors.totalCount as number;

describe('POST /api/import: asking for a dry run', () => {
  it.each(['?dryRun=true', '?dryRun=True', '?dryRun=1', '?dryRun=yes', '?dryRun=ON', '?dryRun'])(
    'takes %s as a dry run',
    async (query) => {
      const res = await post([file], query);
      expect(res.json()).toMatchObject({ ok: true, dryRun: true, committed: false });
      expect(await written()).toBe(0);
    },
  );

  it('takes dryRun as a form field, before or after the file', async () => {
    for (const parts of [
      [{ name: 'dryRun', value: 'true' }, file],
      [file, { name: 'dryRun', value: 'True' }],
    ]) {
      expect((await post(parts)).json()).toMatchObject({ dryRun: true, committed: false });
    }
    expect(await written()).toBe(0);
  });

  it('refuses a dryRun it cannot read, and writes nothing', async () => {
    const res = await post([file], '?dryRun=maybe');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.json().error.message).toBe("dryRun must be true or false, not 'maybe'");
    expect(await written()).toBe(0);
  });

  it.each([
    ['?dryrun=true', "unknown parameter 'dryrun': did you mean 'dryRun'? Nothing was done"],
    ['?dry-run=1', "unknown parameter 'dry-run': did you mean 'dryRun'? Nothing was done"],
    [
      '?preview=true',
      "unknown parameter 'preview'; /api/import takes 'dryRun', 'type'. Nothing was done",
    ],
    [
      '?dryRun=true&dryRun=false',
      "'dryRun' is given twice, as 'true' and 'false': give it once. Nothing was done",
    ],
  ])('refuses %s, a dry run it cannot be sure of, and writes nothing', async (query, message) => {
    const res = await post([file], query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_USER_INPUT', message });
    expect(await written()).toBe(0);
  });

  it('refuses a misspelt or repeated form field, and writes nothing', async () => {
    const misspelt = await post([file, { name: 'dry_run', value: 'true' }]);
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.message).toBe(
      "unknown parameter 'dry_run': did you mean 'dryRun'? Nothing was done",
    );
    const repeated = await post([file, { name: 'dryRun', value: 'false' }], '?dryRun=true');
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.message).toBe(
      "'dryRun' is given twice, as 'true' and 'false': give it once. Nothing was done",
    );
    expect(await written()).toBe(0);
  });

  it('commits when dryRun is false or absent', async () => {
    expect((await post([file], '?dryRun=false')).json()).toMatchObject({ committed: true });
    expect(await written()).toBe(1);
  });
});

describe('POST /api/import: the form', () => {
  it('takes the type as a form field, in any case', async () => {
    const res = await post([
      { name: 'type', value: 'Levels' },
      { name: 'file', filename: 'list.csv', content: 'name,rank\nWard,5\n' },
    ]);
    expect(res.json()).toMatchObject({ ok: true, counts: { created: 1 } });
  });

  it('refuses a file sent under another field name', async () => {
    const res = await post([{ name: 'upload', filename: 'actors.csv', content: CSV }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('the file must be in a field named "file", not "upload"');
    expect(await written()).toBe(0);
  });

  it('refuses two files', async () => {
    const res = await post([file, { ...file, filename: 'more.csv' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'send one file, in a field named "file", and at most the fields dryRun and type',
    });
    expect(await written()).toBe(0);
  });
});
