import { engineName, newEngineId, newEngineSecret } from '../domain/engine.js';
import { invalid, missing } from '../errors.js';
import type {
  CreateEngineBody,
  EngineIdBody,
  EngineQuery,
  EngineResponse,
  EngineSecretResponse,
  EnginesResponse,
  UpdateEngineBody,
} from '../schemas/engine.js';
import type { VoidResponse } from '../schemas/void.js';
import type { EngineRow } from '../store/engines.js';
import type { Services } from './operation.js';

/** Engines (descope-mgmt-more.md §15): the secret is answered by create and rotate only, "" elsewhere. */

const wire = ({ id, name, createdTime }: EngineRow, secret = '') => ({ id, name, secret, createdTime });

function requireEngine(services: Services, projectId: string, id: string | undefined): EngineRow {
  if (!id) throw missing('id');
  const engine = services.store.engines.find(projectId, id);
  // Vendor behaviour (inferred): no source gives the code of an unknown engine; the table's 400 E011004.
  if (!engine) throw invalid(`Engine "${id}" does not exist`);
  return engine;
}

export function createEngine(services: Services, projectId: string, body: CreateEngineBody): EngineResponse {
  const secret = newEngineSecret();
  const engine = {
    id: newEngineId(),
    name: engineName(body.name),
    secretHash: secret.hash,
    createdTime: Math.floor(services.now() / 1000),
  };
  services.store.engines.insert(projectId, engine);
  return { engine: wire(engine, secret.cleartext) };
}

export function updateEngine(services: Services, projectId: string, body: UpdateEngineBody): EngineResponse {
  const engine = requireEngine(services, projectId, body.id);
  const name = engineName(body.name);
  services.store.engines.rename(projectId, engine.id, name);
  return { engine: wire({ ...engine, name }) };
}

export function deleteEngine(services: Services, projectId: string, body: EngineIdBody): VoidResponse {
  const engine = requireEngine(services, projectId, body.id);
  services.store.engines.delete(projectId, engine.id);
  return {};
}

export function loadEngine(services: Services, projectId: string, query: EngineQuery): EngineResponse {
  return { engine: wire(requireEngine(services, projectId, query.id)) };
}

export function loadAllEngines(services: Services, projectId: string): EnginesResponse {
  return { engines: services.store.engines.list(projectId).map((engine) => wire(engine)) };
}

/** A new secret: the old one stops being the engine's. */
export function rotateEngineSecret(
  services: Services,
  projectId: string,
  body: EngineIdBody,
): EngineSecretResponse {
  const engine = requireEngine(services, projectId, body.id);
  const secret = newEngineSecret();
  services.store.engines.setSecret(projectId, engine.id, secret.hash);
  return { secret: secret.cleartext };
}
