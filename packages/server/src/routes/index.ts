/**
 * Every route the API answers, resource by resource, in the order the OpenAPI document lists them. The
 * server registers this table and the OpenAPI document is generated from it.
 */
import { openApiDocumentOf } from '../http/openapi.js';
import type { Route } from '../http/route.js';
import type { OpenApiDocument } from '../http/schemas.js';
import { catalogueRoutes } from './catalogue.js';
import { dossierRoutes } from './dossiers.js';
import { ingestRoutes } from './ingest.js';
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
];

/** The OpenAPI 3.1 document of the API. */
export function openApiDocument(): OpenApiDocument {
  return openApiDocumentOf(API_ROUTES);
}
