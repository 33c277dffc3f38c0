import { describe, expect, it } from 'vitest';
import { useSampleService } from '../../tests/helpers/sample-service.js';
import { importFile } from './import-file.js';

const sample = useSampleService();

function importJson(document: unknown, dryRun = false) {
  const bytes = new TextEncoder().encode(JSON.stringify(document));
  return importFile(sample.current, bytes, { filename: 'paarl-map.json', dryRun });
}

/** A blueprint as Kumu's guide writes one: flat objects, tags as a list. */
const BLUEPRINT = {
  elements: [
    {
      label: 'Paarl River Watch',
      type: 'Community group',
      description: 'Volunteers who sample the river',
      tags: ['rivers', 'volunteers; weekends'],
    },
    {
      label: 'Wine Route Association',
      type: 'Industry association',
      'Favorite Dessert': 'melktert',
    },
  ],
  connections: [
    { from: 'Paarl River Watch', to: 'Department of Water and Sanitation|Wesgro', type: 'informs' },
    { from: 'Wine Route Association', to: 'Wesgro', strength: 'Strong' },
  ],
  loops: [],
};

describe('Kumu JSON blueprints', () => {
  it("reads elements and connections as Kumu's sheets are read", async () => {
    const report = await importJson(BLUEPRINT);
    expect(report.errors).toEqual([]);
    // four items: two elements, two connections (the first to two elements)
    expect(report.counts).toEqual({ created: 4, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.warnings.map((w) => [w.sheet, w.row, w.code])).toEqual([
      ['loops', 0, 'KUMU_NOT_READ'],
      ['elements', 0, 'UNKNOWN_COLUMN'],
      ['elements', 0, 'SECTOR_ASSUMED'],
      ['connections', 2, 'KUMU_TYPE'],
    ]);
    const { actor, tie } = (await sample.current.state()).entities;
    expect(actor.get('paarl-river-watch')).toMatchObject({
      kind: 'community_group',
      sector: 'civil_society',
      tags: ['rivers', 'volunteers; weekends'],
    });
    expect(actor.get('wine-route-association')?.kind).toBe('industry_body');
    const fromNew = [...tie.values()].filter((t) =>
      ['paarl-river-watch', 'wine-route-association'].includes(t.fromId),
    );
    expect(fromNew.map((t) => `${t.id} ${t.strength}`).sort()).toEqual([
      'paarl-river-watch~informs~dws 1',
      'paarl-river-watch~informs~wesgro 1',
      'wine-route-association~collaborates~wesgro 3',
    ]);

    const again = await importJson(BLUEPRINT);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 4, rejected: 0 });
  });

  it('refuses items that are not objects, and counts them', async () => {
    const report = await importJson(
      { elements: [{ label: 'Paarl River Watch', type: 'NGO' }, 7], connections: 'none' },
      true,
    );
    expect(report.errors.map((e) => [e.sheet, e.row, e.message])).toEqual([
      ['connections', 0, "'connections' must be an array"],
      ['elements', 2, "each of 'elements' must be an object"],
    ]);
    expect(report.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 1 });
  });

  it("reads a document with the model's collections as the model's, not Kumu's", async () => {
    const report = await importJson({ actors: [], elements: [{ label: 'A' }] }, true);
    expect(report.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^unknown collection 'elements'/),
    ]);
  });

  it('refuses a blueprint of more items than the row limit before reading it', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(BLUEPRINT));
    await expect(
      importFile(sample.current, bytes, { filename: 'map.json', limits: { maxRows: 3 } }),
    ).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });
});
