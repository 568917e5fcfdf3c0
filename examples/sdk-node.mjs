#!/usr/bin/env node
/**
 * The SDK from Node: find a commune (by its current or pre-2025 name), list the procedures its one-stop office
 * handles, show where that office is, and look up a dossier by the code on its receipt.
 *
 *   npm run build
 *   node examples/sdk-node.mjs http://localhost:8080                       # Công Sơn, demo dossier
 *   node examples/sdk-node.mjs http://localhost:8080 "Hòa Cư" 000.00.20.H37-261123-0001
 *   node examples/sdk-node.mjs https://dvc.example.gov.vn/motcua "Công Sơn" <code> <last 4 digits of phone>
 *
 * In your own project: `npm install @motcua/sdk`, then the same imports.
 */
import {
  createClient,
  dossierTiming,
  MotcuaError,
  NotFoundError,
  parseDossierCode,
  RateLimitError,
  statusLabel,
} from '@motcua/sdk';

const [api, commune = 'Công Sơn', code = '000.00.20.H37-261005-0001', verify] = process.argv.slice(2);
if (!api || !/^https?:\/\//.test(api)) {
  console.error('Usage: node examples/sdk-node.mjs <API URL, e.g. http://localhost:8080> [commune] [dossier code] [verification digits]');
  process.exit(2);
}

const motcua = createClient({ baseUrl: api, timeout: 15_000 });
const date = (iso) => (iso ? new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—');

/** The commune a name designates today: "Hòa Cư" (merged in 2025) resolves to Xã Công Sơn. */
async function findCommune(name) {
  const { matches } = await motcua.units.resolve(name);
  const match = matches.find((m) => m.unit.level === 'commune') ?? matches[0];
  if (!match) throw new Error(`No commune or ward is called "${name}".`);
  const via = match.via ? ` (formerly ${match.via.name})` : '';
  console.log(`${match.unit.fullName}, code ${match.unit.code}${via}`);
  return match.unit;
}

/** Every procedure handled at commune level, page after page (the SDK follows the cursors). */
async function listProcedures() {
  const byField = new Map();
  let total = 0;
  for await (const procedure of motcua.procedures.iterate({ level: 'commune', limit: 100 })) {
    total += 1;
    const field = procedure.field?.name ?? 'Khác';
    byField.set(field, [...(byField.get(field) ?? []), procedure]);
  }
  console.log(`\n${total} procedures at commune level, in ${byField.size} fields. The largest fields:`);
  const largest = [...byField].sort((a, b) => b[1].length - a[1].length).slice(0, 5);
  for (const [field, procedures] of largest) {
    console.log(`  ${field} (${procedures.length}), e.g. ${procedures[0].code} ${procedures[0].name}`);
  }
}

async function showOffice(unit) {
  const [office] = await motcua.offices.list({ unit: unit.code });
  if (!office) return console.log(`\nNo one-stop office is listed for ${unit.fullName}.`);
  console.log(`\nOne-stop office: ${office.name}\n  ${office.address ?? ''}${office.phone ? ` · ☎ ${office.phone}` : ''}`);
}

async function lookUp(input) {
  const parsed = parseDossierCode(input);
  if (!parsed.ok) {
    console.log(`\n"${input}" is not a dossier code: ${parsed.reason} (${parsed.part}).`);
    return;
  }
  try {
    const dossier = await motcua.dossiers.get(parsed.code, verify ? { verify } : {});
    console.log(`\nDossier ${dossier.code}: ${statusLabel(dossier.status)} (${statusLabel(dossier.status, 'en')})`);
    console.log(`  ${dossier.procedure.name}`);
    console.log(`  received ${date(dossier.receivedAt)}, due ${date(dossier.appointmentAt)}, applicant ${dossier.applicant}`);
    if (dossier.appointmentAt) {
      const timing = dossierTiming({ appointment: dossier.appointmentAt, finished: dossier.finishedAt });
      console.log(`  timing: ${timing.state.replace('_', ' ')}`);
    }
    for (const event of dossier.history) console.log(`  ${date(event.at)}  ${event.action}`);
  } catch (error) {
    if (error instanceof NotFoundError) console.log(`\nNo dossier ${parsed.code} (or the verification digits do not match).`);
    else if (error instanceof RateLimitError) console.log(`\nToo many lookups: try again in ${error.retryAfter ?? 60} s.`);
    else if (MotcuaError.is(error) && error.code === 'verification_required') {
      console.log('\nThis server asks for the last 4 digits of the applicant\'s phone or ID: pass them as the 4th argument.');
    } else throw error;
  }
}

try {
  const unit = await findCommune(commune);
  await listProcedures();
  await showOffice(unit);
  await lookUp(code);
} catch (error) {
  // Every SDK error says what went wrong without leaking personal data; print it and fail.
  console.error(MotcuaError.is(error) ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
}
