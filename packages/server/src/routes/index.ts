/**
 * Every route the API answers, resource by resource, in the order the OpenAPI document lists them. The
 * server registers this table and the OpenAPI document is generated from it.
 */
import { openApiDocumentOf } from '../http/openapi.js';
import type { Route } from '../http/route.js';
import type { OpenApiDocument } from '../http/schemas.js';
import { adminRoutes } from './admin.js';
import { catalogueRoutes } from './catalogue.js';
import { dossierRoutes } from './dossiers.js';
import { ingestRoutes } from './ingest.js';
import { ingestBatchRoutes } from './ingest-batch.js';
import { ingestPortalRoutes } from './ingest-portal.js';
import { metaRoutes } from './meta.js';
import { officeRoutes } from './offices.js';
import { procedureRoutes } from './procedures.js';
import { ratingRoutes } from './ratings.js';
import { statsRoutes } from './stats.js';
import { unitRoutes } from './units.js';

export const API_ROUTES: readonly Route[] = [
  ...metaRoutes(openApiDocument),
  ...procedureRoutes,
  ...catalogueRoutes,
  ...unitRoutes,
  ...officeRoutes,
  ...dossierRoutes,
  ...ratingRoutes,
  ...statsRoutes,
  ...ingestRoutes,
  ...ingestBatchRoutes,
  ...ingestPortalRoutes,
  ...adminRoutes,
];

/** What each tag of the route tables groups, for the OpenAPI document. */
export const API_TAGS: Readonly<Record<string, string>> = {
  meta: 'What the deployment serves and requires, this document, and a health check.',
  procedures: 'The catalogue of administrative procedures (thủ tục hành chính), their fields and agencies.',
  units: 'Administrative units, current and former, and how an old name or code resolves to today’s unit.',
  offices: 'One-stop offices (bộ phận một cửa): where they are, when they open, what they handle.',
  dossiers: 'Public lookup of a dossier’s progress, masked.',
  ratings: 'Satisfaction ratings on the national 3-level scale: submission and summaries.',
  stats: 'Dossier handling figures (received, settled on time or late, overdue) per scope and month.',
  ingest: 'Back-office push of dossiers and their history, with an API key.',
  admin: 'Province administration with an admin key: its own offices and holiday calendar, applied at once.',
};

/** The OpenAPI 3.1 document of the API. */
export function openApiDocument(): OpenApiDocument {
  return openApiDocumentOf(API_ROUTES, API_TAGS);
}
