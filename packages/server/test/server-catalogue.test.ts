/**
 * Catalogue endpoints over the real seed: meta, OpenAPI, procedures (search, filters, pagination, detail),
 * fields, agencies, units and offices, with conditional GETs and contract-valid bodies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import {
  AdministrativeUnit,
  Office,
  OfficeSummaries,
  Procedure,
  ServiceInfo,
  UnitResolution,
} from '@motcua/sdk';
import { AgencyCollection, FieldCollection, OfficeCollection, ProcedurePage, UnitCollection } from '../src/http/schemas.js';
import { expectBody, expectProblem, testServer } from './helpers.js';

type ProcedurePageBody = { items: { code: string }[]; nextCursor: string | null; total: number };

let app: FastifyInstance;
before(async () => {
  app = await testServer({ dossiers: null });
});
after(() => app.close());

const CATALOGUE_CACHE = 'public, max-age=300, stale-while-revalidate=86400';

describe('meta, health and OpenAPI', () => {
  test('GET /healthz answers ok, with the shared state in Redis or in this process', async () => {
    const res = await app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    const sharedState = process.env.MOTCUA_TEST_SHARED_STATE === 'redis' ? 'ok' : 'none';
    assert.deepEqual(res.json(), { status: 'ok', database: 'ok', sharedState });
  });

  test('GET /v1/meta describes the province and the verification mode', async () => {
    const res = await app.inject('/v1/meta');
    const info = expectBody(ServiceInfo, res);
    assert.deepEqual(info, {
      apiVersion: 'v1',
      province: { code: '20', name: 'Tỉnh Lạng Sơn' },
      dossierVerification: 'off',
      demo: false,
    });
    assert.equal(res.headers['cache-control'], CATALOGUE_CACHE);
  });

  test('GET /v1/openapi.json is an OpenAPI 3.1 document with every path and the contract schemas', async () => {
    const res = await app.inject('/v1/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/v1/meta', '/v1/procedures', '/v1/procedures/{code}', '/v1/fields', '/v1/agencies', '/v1/units',
      '/v1/units/resolve', '/v1/units/{code}', '/v1/offices', '/v1/office-summaries', '/v1/offices/{id}', '/v1/dossiers/{code}',
      '/v1/ratings', '/v1/ratings/summary', '/v1/stats', '/v1/ingest/dossiers', '/v1/ingest/dossiers/{code}/events',
    ]) {
      assert.ok(doc.paths[path], `missing path ${path}`);
    }
    const search = doc.paths['/v1/procedures']!.get!;
    assert.deepEqual(
      search.parameters?.filter((p) => p.in === 'query').map((p) => p.name),
      ['q', 'level', 'field', 'agency', 'online', 'unit', 'limit', 'cursor'],
    );
    assert.ok(search.responses['400'] && search.responses['304']);
    assert.ok(doc.components.schemas.DossierView?.properties?.applicant);
    assert.ok(doc.components.schemas.Problem?.properties?.code);
    assert.ok(doc.components.schemas.RatingSubmission?.properties?.website);
  });
});

describe('GET /v1/procedures', () => {
  test('lists the whole catalogue by code with a total and a cursor', async () => {
    const res = await app.inject('/v1/procedures');
    const page = expectBody(ProcedurePage, res);
    assert.equal(page.total, 1841); // 2,006 imported, 165 excluded by the catalogue fitness rules
    assert.equal(page.items.length, 20);
    const codes = page.items.map((p) => p.code);
    assert.deepEqual(codes, [...codes].sort());
    assert.ok(page.nextCursor);
    // Search answers follow the filing counts (re-read after ingest), so they are revalidated on each use.
    assert.equal(res.headers['cache-control'], 'public, no-cache');
    assert.match(String(res.headers.etag), /^"[A-Za-z0-9_-]+"$/);
  });

  test('pages follow each other without overlap until nextCursor is null', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: LightMyRequestResponse = await app.inject({
        url: '/v1/procedures',
        query: { q: 'dat dai', limit: '25', ...(cursor ? { cursor } : {}) },
      });
      const page: ProcedurePageBody = expectBody(ProcedurePage, res);
      for (const item of page.items) {
        assert.ok(!seen.has(item.code), `duplicate ${item.code}`);
        seen.add(item.code);
      }
      assert.ok(page.total > 25);
      cursor = page.nextCursor;
      pages++;
      if (!cursor) assert.equal(seen.size, page.total);
    } while (cursor && pages < 20);
    assert.ok(pages > 1);
  });

  test('filters by level, field, agency and online level', async () => {
    const byField = expectBody(ProcedurePage, await app.inject({ url: '/v1/procedures', query: { field: 'ho-tich', limit: '100' } }));
    assert.ok(byField.total > 10);
    assert.ok(byField.items.every((p) => p.field?.id === 'ho-tich'));

    const combined = expectBody(
      ProcedurePage,
      await app.inject({ url: '/v1/procedures', query: { q: 'khai sinh', level: 'commune', online: 'partial', limit: '100' } }),
    );
    assert.equal(combined.items[0]?.code, '1.001193');
    assert.ok(combined.items.every((p) => p.levels.includes('commune') && p.online === 'partial'));

    const agency = combined.items[0]!.agency!.id;
    const byAgency = expectBody(ProcedurePage, await app.inject({ url: '/v1/procedures', query: { agency, limit: '100' } }));
    assert.ok(byAgency.total > 0 && byAgency.items.every((p) => p.agency?.id === agency));

    const province = expectBody(ProcedurePage, await app.inject({ url: '/v1/procedures', query: { level: 'province', limit: '100' } }));
    assert.ok(province.total > 0 && province.total < 1841);
    assert.ok(province.items.every((p) => p.levels.includes('province')));
  });

  test('an unknown word gives an empty page, not an error', async () => {
    const page = expectBody(ProcedurePage, await app.inject({ url: '/v1/procedures', query: { q: 'zzqxw' } }));
    assert.deepEqual(page, { items: [], nextCursor: null, total: 0 });
  });

  test('If-None-Match with the ETag gives 304 without a body', async () => {
    const first = await app.inject({ url: '/v1/procedures', query: { q: 'khai sinh' } });
    const etag = String(first.headers.etag);
    const again = await app.inject({ url: '/v1/procedures', query: { q: 'khai sinh' }, headers: { 'if-none-match': `"other", ${etag}` } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    const changed = await app.inject({ url: '/v1/procedures', query: { q: 'ket hon' }, headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
  });

  test('bad queries are 400 problems naming the parameter', async () => {
    const unknown = expectProblem(await app.inject({ url: '/v1/procedures', query: { levle: 'commune', foo: '1' } }), 400, 'validation_failed');
    assert.match(unknown.detail ?? '', /levle, foo/);
    assert.deepEqual(unknown.errors?.map((e) => e.path), ['query.levle', 'query.foo']);

    for (const [query, path] of [
      [{ limit: '0' }, 'query.limit'],
      [{ limit: '101' }, 'query.limit'],
      [{ limit: 'ten' }, 'query.limit'],
      [{ level: 'district' }, 'query.level'],
      [{ online: 'yes' }, 'query.online'],
      [{ field: 'Hộ tịch' }, 'query.field'],
      [{ q: 'x'.repeat(201) }, 'query.q'],
      [{ cursor: 'not a cursor!' }, 'query.cursor'],
    ] as const) {
      const problem = expectProblem(await app.inject({ url: '/v1/procedures', query }), 400, 'validation_failed');
      assert.equal(problem.errors?.[0]?.path, path, JSON.stringify(query));
    }
    const repeated = await app.inject('/v1/procedures?q=a&q=b');
    expectProblem(repeated, 400, 'validation_failed');
  });

  test('a tampered or foreign cursor is a 400, not a page', async () => {
    const page = expectBody(ProcedurePage, await app.inject({ url: '/v1/procedures', query: { q: 'dat dai' } }));
    const cursor = page.nextCursor!;
    const tampered = cursor.slice(0, 3) + (cursor[3] === 'A' ? 'B' : 'A') + cursor.slice(4);
    const p1 = expectProblem(await app.inject({ url: '/v1/procedures', query: { q: 'dat dai', cursor: tampered } }), 400, 'validation_failed');
    assert.equal(p1.errors?.[0]?.path, 'query.cursor');
    const p2 = expectProblem(await app.inject({ url: '/v1/procedures', query: { q: 'ket hon', cursor } }), 400, 'validation_failed');
    assert.match(p2.detail ?? '', /different query/);
  });
});

describe('GET /v1/procedures/:code', () => {
  test('returns the full procedure with structured content', async () => {
    const res = await app.inject('/v1/procedures/1.001193');
    const p = expectBody(Procedure, res);
    assert.equal(p.name, 'Thủ tục đăng ký khai sinh');
    assert.equal(p.field?.name, 'Hộ tịch');
    assert.ok(p.methods.length > 0 && p.cases.length > 0);
    assert.equal(res.headers['cache-control'], CATALOGUE_CACHE);
  });

  test('unknown code → 404, malformed code → 400', async () => {
    expectProblem(await app.inject('/v1/procedures/9.999999'), 404, 'not_found');
    const bad = expectProblem(await app.inject('/v1/procedures/khai-sinh'), 400, 'validation_failed');
    assert.equal(bad.errors?.[0]?.path, 'params.code');
  });
});

describe('fields and agencies', () => {
  test('GET /v1/fields lists fields with counts that add up to the catalogue', async () => {
    const { items } = expectBody(FieldCollection, await app.inject('/v1/fields'));
    assert.ok(items.length > 100);
    const hoTich = items.find((f) => f.id === 'ho-tich');
    assert.equal(hoTich?.name, 'Hộ tịch');
    assert.equal(hoTich?.code, 'G15-TP07');
    const total = expectBody(ProcedurePage, await app.inject('/v1/procedures?limit=1')).total;
    const withField = items.reduce((n, f) => n + f.procedureCount, 0);
    assert.ok(withField <= total && withField > total * 0.9);
  });

  test('GET /v1/fields?level= lists only the fields with procedures at that level, counted at it', async () => {
    const all = expectBody(FieldCollection, await app.inject('/v1/fields')).items;
    const total = async (query: string) => expectBody(ProcedurePage, await app.inject(`/v1/procedures?limit=1&${query}`)).total;
    for (const level of ['commune', 'province'] as const) {
      const res = await app.inject(`/v1/fields?level=${level}`);
      assert.equal(res.headers['cache-control'], CATALOGUE_CACHE);
      const { items } = expectBody(FieldCollection, res);
      const ids = new Set(items.map((f) => f.id));
      assert.ok(items.length > 5 && items.length < all.length, `${level}: ${items.length} of ${all.length} fields`);
      assert.ok(items.every((f) => f.procedureCount > 0 && all.some((a) => a.id === f.id && a.procedureCount >= f.procedureCount)));
      assert.deepEqual(items.map((f) => f.id), all.filter((f) => ids.has(f.id)).map((f) => f.id), 'same order as the full list');
      // The counts are the procedures a search at that level finds in the field; a field left out has none there.
      for (const f of items.slice(0, 4)) assert.equal(f.procedureCount, await total(`level=${level}&field=${f.id}`), f.id);
      const missing = all.filter((f) => !ids.has(f.id)).slice(0, 4);
      assert.ok(missing.length > 0);
      for (const f of missing) assert.equal(await total(`level=${level}&field=${f.id}`), 0, f.id);
    }
    assert.ok(expectBody(FieldCollection, await app.inject('/v1/fields?level=commune')).items.some((f) => f.id === 'ho-tich'));
    expectProblem(await app.inject('/v1/fields?level=district'), 400, 'validation_failed');
  });

  test('GET /v1/procedures?unit= ranks the site level’s variant first and refuses a malformed unit', async () => {
    const first = async (unit: string) =>
      expectBody(ProcedurePage, await app.inject({ url: '/v1/procedures', query: { q: 'cấp lại giấy chứng nhận do bị mất', unit } })).items[0]?.code;
    assert.equal(await first('06220'), '1.115621');
    assert.equal(await first('20'), '1.012786');
    expectProblem(await app.inject('/v1/procedures?q=khai&unit=abc'), 400, 'validation_failed');
  });

  test('GET /v1/agencies lists agencies with their procedure counts', async () => {
    const res = await app.inject('/v1/agencies');
    const { items } = expectBody(AgencyCollection, res);
    assert.ok(items.length > 10);
    assert.ok(items.every((a) => a.procedureCount > 0));
    assert.equal(res.headers['cache-control'], CATALOGUE_CACHE);
  });

  test('query parameters are refused where there are none', async () => {
    expectProblem(await app.inject('/v1/fields?page=2'), 400, 'validation_failed');
  });
});

describe('units', () => {
  test('GET /v1/units lists the 65 current communes and wards plus the province by default', async () => {
    const { items } = expectBody(UnitCollection, await app.inject('/v1/units'));
    assert.equal(items.filter((u) => u.level === 'commune').length, 65);
    assert.ok(items.every((u) => u.validTo === null));
    assert.equal(items[0]?.level, 'province');
  });

  test('filters by status, level, parent and text', async () => {
    const former = expectBody(UnitCollection, await app.inject('/v1/units?status=former&level=district'));
    assert.equal(former.items.length, 11);
    const all = expectBody(UnitCollection, await app.inject('/v1/units?status=all'));
    assert.ok(all.items.length > 65 + 194);
    const caoLoc = expectBody(UnitCollection, await app.inject('/v1/units?status=former&parent=183'));
    assert.ok(caoLoc.items.some((u) => u.code === '06223' && u.name === 'Hòa Cư'));
    const text = expectBody(UnitCollection, await app.inject({ url: '/v1/units', query: { q: 'cong son' } }));
    assert.deepEqual(text.items.map((u) => u.code), ['06220']);
    expectProblem(await app.inject('/v1/units?status=old'), 400, 'validation_failed');
  });

  test('GET /v1/units/:code prefers the current unit of a reused code, else the former one', async () => {
    const current = expectBody(AdministrativeUnit, await app.inject('/v1/units/05983'));
    assert.equal(current.fullName, 'Phường Lương Văn Tri');
    assert.equal(current.validTo, null);
    assert.ok(current.predecessors.some((p) => p.name === 'Chi Lăng'));
    const former = expectBody(AdministrativeUnit, await app.inject('/v1/units/06223'));
    assert.equal(former.name, 'Hòa Cư');
    assert.ok(former.validTo);
    assert.equal(former.successors[0]?.code, '06220');
    expectProblem(await app.inject('/v1/units/99999'), 404, 'not_found');
    expectProblem(await app.inject('/v1/units/abc'), 400, 'validation_failed');
  });

  test('GET /v1/units/resolve needs q and answers contract-valid matches', async () => {
    const problem = expectProblem(await app.inject('/v1/units/resolve'), 400, 'validation_failed');
    assert.equal(problem.errors?.[0]?.path, 'query.q');
    const res = await app.inject({ url: '/v1/units/resolve', query: { q: '06223' } });
    const resolution = expectBody(UnitResolution, res);
    assert.equal(resolution.query, '06223');
    assert.equal(resolution.matches[0]?.unit.code, '06220');
  });
});

describe('offices', () => {
  test('GET /v1/offices lists the provincial centre first and one office per current unit', async () => {
    const { items } = expectBody(OfficeCollection, await app.inject('/v1/offices'));
    assert.equal(items[0]?.kind, 'provincial_centre');
    assert.equal(items.length, 66);
    assert.ok(items.every((o) => o.demo === true));
  });

  test('filters by kind, unit (current or former code), field and text', async () => {
    const centre = expectBody(OfficeCollection, await app.inject('/v1/offices?kind=provincial_centre'));
    assert.equal(centre.items.length, 1);
    const byFormer = expectBody(OfficeCollection, await app.inject('/v1/offices?unit=06223'));
    assert.deepEqual(byFormer.items.map((o) => o.unit.code), ['06220']);
    const field = byFormer.items[0]!.fields[0]!.id;
    const byField = expectBody(OfficeCollection, await app.inject({ url: '/v1/offices', query: { field } }));
    assert.ok(byField.items.length > 1 && byField.items.every((o) => o.fields.some((f) => f.id === field)));
    const byText = expectBody(OfficeCollection, await app.inject({ url: '/v1/offices', query: { q: 'Công Sơn' } }));
    assert.equal(byText.items[0]?.unit.code, '06220');
    expectProblem(await app.inject('/v1/offices?kind=kiosk'), 400, 'validation_failed');
  });

  test('GET /v1/office-summaries: the same offices in the same order, a row\'s fields, each timetable once, a tenth of the bytes', async () => {
    const full = await app.inject('/v1/offices');
    const light = await app.inject('/v1/office-summaries');
    const { items: offices } = expectBody(OfficeCollection, full);
    const { items, schedules } = expectBody(OfficeSummaries, light);
    assert.deepEqual(items.map((o) => o.id), offices.map((o) => o.id));
    offices.forEach((o, i) => {
      const { schedule, ...row } = items[i]!;
      const { id, name, kind, unit, formerUnits, location, demo } = o;
      assert.deepEqual(row, { id, name, kind, unit, formerUnits, location, demo });
      assert.deepEqual(schedules[schedule], o.hours);
    });
    assert.equal(new Set(schedules.map((h) => JSON.stringify(h))).size, schedules.length, 'a timetable is sent once');
    assert.ok(light.body.length * 8 < full.body.length, `${light.body.length} bytes against ${full.body.length}`);
    assert.equal(light.headers['cache-control'], CATALOGUE_CACHE);
    const etag = light.headers.etag as string;
    assert.ok(etag);
    assert.equal((await app.inject({ url: '/v1/office-summaries', headers: { 'if-none-match': etag } })).statusCode, 304);

    const byText = expectBody(OfficeSummaries, await app.inject({ url: '/v1/office-summaries', query: { q: 'Công Sơn' } }));
    const fullByText = expectBody(OfficeCollection, await app.inject({ url: '/v1/offices', query: { q: 'Công Sơn' } }));
    assert.deepEqual(byText.items.map((o) => o.id), fullByText.items.map((o) => o.id));
    assert.equal(expectBody(OfficeSummaries, await app.inject('/v1/office-summaries?kind=provincial_centre')).items.length, 1);
    expectProblem(await app.inject('/v1/office-summaries?kind=kiosk'), 400, 'validation_failed');
  });

  test('GET /v1/offices/:id returns one office, 404 for an unknown id', async () => {
    const { items } = expectBody(OfficeCollection, await app.inject('/v1/offices?unit=06220'));
    const office = expectBody(Office, await app.inject(`/v1/offices/${items[0]!.id}`));
    assert.equal(office.unit.code, '06220');
    expectProblem(await app.inject('/v1/offices/no-such-office'), 404, 'not_found');
    expectProblem(await app.inject('/v1/offices/Not_A_Slug'), 400, 'validation_failed');
  });
});
