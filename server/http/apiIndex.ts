import type { RequestHandler } from 'express';

/**
 * `GET /api/v1`: what this API offers, so the address the server prints answers with something a person can
 * read. Open like `/health` (it names endpoints, never data). The OpenAPI document has the full contract.
 */

export interface ApiEndpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  description: string;
}

export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  { name: 'index', method: 'GET', path: '/api/v1', description: 'This list of endpoints.' },
  {
    name: 'health',
    method: 'GET',
    path: '/api/v1/health',
    description: 'Is the server up? Answers {"status": "ok"}.',
  },
  {
    name: 'openapi',
    method: 'GET',
    path: '/api/v1/openapi.json',
    description: 'The API described in OpenAPI 3.1, its schemas generated from the models.',
  },
  {
    name: 'workbook',
    method: 'POST',
    path: '/api/v1/workbook',
    description:
      'Send an .xlsx (form field "file", or the raw body); get the workbook back with the crosswalk sheets added. With Accept: application/json, the summary and issues with the workbook in base64.',
  },
  {
    name: 'validate',
    method: 'POST',
    path: '/api/v1/validate',
    description: 'Send the workbook as grids (JSON); get its issues and summary, nothing written.',
  },
  {
    name: 'crosswalk',
    method: 'POST',
    path: '/api/v1/crosswalk',
    description:
      'Send the workbook as grids (JSON); get the engine result: summary, issues and output tables (?tables= names the ones wanted).',
  },
];

export function apiIndex(): RequestHandler {
  const body = JSON.stringify({
    name: 'Throughline engine API',
    documentation: '/api/v1/openapi.json',
    endpoints: API_ENDPOINTS,
  });
  return (_req, res) => {
    res.type('application/json').send(body);
  };
}
