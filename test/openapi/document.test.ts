import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE, renderOpenApi } from '../../scripts/openapi.js';
import {
  CONTROL_PLANE_TAG,
  DEFAULT_SERVER_URL,
  DOCS_PATH,
  fallbackOperationId,
  OPENAPI_JSON_PATH,
  type OpenApiDocument,
} from '../../src/openapi.js';
import { OPERATIONS } from '../../src/routes/registry.js';
import { useMock } from '../helpers/mock.js';

/** The OpenAPI document: committed, valid, complete, and served with the caller's own origin. */

const mock = useMock();
let generated: string;
let document: OpenApiDocument;

beforeAll(async () => {
  generated = await renderOpenApi();
  document = JSON.parse(generated);
});

const ERROR_BODY_REF = { $ref: '#/components/schemas/ErrorBody' };

/** An operation of the document by its registry path (`:projectId` is `{projectId}` in OpenAPI). */
const operationOf = (method: string, path: string): Record<string, any> =>
  document.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] as Record<string, any>;
const isManagement = (path: string): boolean => /^\/v[12]\/mgmt\//.test(path);
const isAuth = (path: string): boolean => path.startsWith('/v1/auth/');

describe('openapi/descope-mock.json', () => {
  it('is what `npm run openapi` writes now (run it after changing a route)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(generated);
  });

  it('is stable: a second build gives the same bytes, with no port but the documented default', async () => {
    expect(await renderOpenApi()).toBe(generated);
    expect(document.servers).toEqual([{ url: DEFAULT_SERVER_URL, description: expect.any(String) }]);
  });

  it('is a valid OpenAPI 3.0 document', async () => {
    const api = await SwaggerParser.validate(structuredClone(document) as any);
    expect((api as { openapi?: string }).openapi).toBe('3.0.3');
  });
});

describe('the emulated operations in the document', () => {
  it('lists every registry operation with its operationId, tag, summary and 200 response', () => {
    for (const operation of OPERATIONS) {
      const entry = operationOf(operation.method, operation.path);
      expect(entry, `${operation.method} ${operation.path}`).toBeDefined();
      expect(entry.operationId).toBe(operation.operationId);
      expect(entry.tags).toEqual([operation.tag]);
      expect(entry.summary).toBe(operation.summary);
      expect(entry.responses['200'].content['application/json'].schema).toBeDefined();
      if (operation.body) expect(entry.requestBody.content['application/json'].schema).toBeDefined();
    }
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => (operation as { operationId: string }).operationId),
    );
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents Descope's error body for every error status of every management route", () => {
    expect(Object.keys(document.components?.schemas?.ErrorBody as object)).toContain('properties');
    for (const operation of OPERATIONS.filter(({ path }) => isManagement(path))) {
      const { responses } = operationOf(operation.method, operation.path);
      for (const status of ['400', '401', '404', '429', '501']) {
        expect(responses[status]?.content['application/json'].schema, `${operation.path} ${status}`).toEqual(
          ERROR_BODY_REF,
        );
      }
      // The control plane's refusal never comes from a Descope route.
      expect(responses['403']).toBeUndefined();
      // Generated from the error table: each status names the codes it carries.
      expect(responses['404'].description).toContain('E112102');
      expect(responses['401'].description).toContain('E011003');
    }
  });

  it('puts the bearer scheme on management routes, none on health, the optional admin token elsewhere', () => {
    expect(document.components?.securitySchemes).toEqual({
      ManagementKey: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      ProjectBearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      MockAdminToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(document.security).toEqual([{ ManagementKey: [] }]);
    const health = operationOf('GET', '/_mock/health');
    expect(health.tags).toEqual([CONTROL_PLANE_TAG]);
    expect(health.security).toEqual([]);
    expect(operationOf('POST', '/v1/mgmt/user/create').security).toBeUndefined();
    const control = Object.entries(document.paths).filter(
      ([path]) => path.startsWith('/_mock/') && path !== '/_mock/health',
    );
    for (const [path, item] of control) {
      for (const operation of Object.values(item) as Record<string, any>[]) {
        expect(operation.security, path).toEqual([{}, { MockAdminToken: [] }]);
        expect(operation.tags, path).toEqual([CONTROL_PLANE_TAG]);
        // The control plane's refusals (src/harness/access.ts) answer the same error body.
        for (const status of ['401', '403']) {
          expect(operation.responses[status]?.content['application/json'].schema).toEqual(ERROR_BODY_REF);
        }
      }
    }
  });

  it('puts the project bearer on authentication routes, with the 401 of a refused token', () => {
    const auth = OPERATIONS.filter(({ path }) => path.startsWith('/v1/auth/'));
    expect(auth.length).toBeGreaterThan(0);
    for (const operation of auth) {
      const { security, responses } = operationOf(operation.method, operation.path);
      expect(security, operation.path).toEqual([{ ProjectBearer: [] }]);
      expect(responses['401'].description).toContain('E064001');
    }
  });

  it("leaves Descope's open key routes without security, answering only an unknown project's 400", () => {
    for (const operation of OPERATIONS.filter(({ path }) => !isManagement(path) && !isAuth(path))) {
      const { security, responses } = operationOf(operation.method, operation.path);
      expect(security, operation.path).toEqual([]);
      expect(Object.keys(responses).sort()).toEqual(['200', '400']);
      expect(responses['400'].content['application/json'].schema).toEqual(ERROR_BODY_REF);
    }
    expect(
      operationOf('GET', '/v1/keys/:projectId').responses['200'].content['application/json'].schema.type,
    ).toBe('array');
  });

  it('puts the project bearer on authentication routes, with the auth codes they answer', () => {
    const auth = OPERATIONS.filter(({ path }) => isAuth(path));
    expect(auth.map(({ path }) => path)).toContain('/v1/auth/accesskey/exchange');
    for (const operation of auth) {
      const { security, responses } = operationOf(operation.method, operation.path);
      expect(security, operation.path).toEqual([{ ProjectBearer: [] }]);
      expect(responses['401'].content['application/json'].schema).toEqual(ERROR_BODY_REF);
    }
    const exchange = operationOf('POST', '/v1/auth/accesskey/exchange').responses;
    expect(exchange['400'].description).toContain('E062802');
    expect(exchange['401'].description).toContain('E062803');
  });

  it('names control-plane operations that declare no operationId from their method and path', () => {
    expect(fallbackOperationId('GET', '/_mock/projects/:projectId/snapshot')).toBe(
      'mockGetProjectsProjectIdSnapshot',
    );
    expect(operationOf('GET', '/_mock/health').operationId).toBe('mockGetHealth');
  });

  it('leaves the docs page and the document itself out', () => {
    const paths = Object.keys(document.paths);
    expect(paths.filter((path) => path.startsWith(DOCS_PATH) || path === OPENAPI_JSON_PATH)).toEqual([]);
  });
});

describe('GET /_mock/openapi.json and /_mock/docs', () => {
  it("serves the committed document with the request's own origin as its server", async () => {
    const response = await mock.http('GET', OPENAPI_JSON_PATH, { auth: null });
    expect(response.status).toBe(200);
    expect(response.body.servers).toEqual([{ url: mock.url }]);
    expect({ ...response.body, servers: document.servers }).toEqual(document);
  });

  it('serves the Swagger UI page and its assets locally, reading the same document', async () => {
    const page = await mock.http('GET', DOCS_PATH, { auth: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('swagger-ui');
    const bundle = await fetch(`${mock.url}${DOCS_PATH}/static/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    const json = await mock.http('GET', `${DOCS_PATH}/json`, { auth: null });
    expect(json.body.servers).toEqual([{ url: mock.url }]);
    expect(Object.keys(json.body.paths)).toEqual(Object.keys(document.paths));
  });
});
