// deploy/k8s/validate's checks (see there). Arguments: the repository root, the node_modules folder to load from.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [root, modules] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'x.js'));
const YAML = require('yaml');
const problems = [];
const fail = (where, what) => problems.push(`${where}: ${what}`);

// --- the Kubernetes objects -------------------------------------------------------------------------------------
const k8sDir = path.join(root, 'deploy/k8s');
const objects = [];
for (const file of fs.readdirSync(k8sDir).filter((f) => f.endsWith('.yaml')).sort()) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(k8sDir, file), 'utf8'));
  docs.forEach((doc, i) => {
    if (doc.errors.length) {
      fail(`${file}#${i}`, doc.errors.map((e) => e.message).join('; '));
      return;
    }
    const obj = doc.toJS();
    if (obj) objects.push({ where: `${file}#${i} ${obj.kind}/${obj.metadata?.name}`, obj });
  });
}

// the package is ESM with an exports map: its model files are imported by path
async function coreModel(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  const file = path.join(modules, 'kubernetes-models', ...(group ? [group] : []), version, `${kind}.js`);
  if (!fs.existsSync(file)) return null;
  return (await import(pathToFileURL(file).href))[kind];
}

const need = (where, value, what) => {
  if (value === undefined || value === null || value === '') fail(where, `missing ${what}`);
};

// the operators' resources: apiVersion, kind and the fields their CRDs require (and what this deployment relies on)
const crds = {
  'postgresql.cnpg.io/v1 Cluster': (w, o) => {
    if (!Number.isInteger(o.spec?.instances) || o.spec.instances < 1) fail(w, 'spec.instances must be an integer ≥ 1');
    need(w, o.spec?.storage?.size, 'spec.storage.size');
  },
  'postgresql.cnpg.io/v1 ScheduledBackup': (w, o) => {
    need(w, o.spec?.schedule, 'spec.schedule');
    need(w, o.spec?.cluster?.name, 'spec.cluster.name');
    if (o.spec?.schedule && o.spec.schedule.split(' ').length !== 6) fail(w, 'CloudNativePG schedules have six fields');
  },
  'minio.min.io/v2 Tenant': (w, o) => {
    if (!Array.isArray(o.spec?.pools) || o.spec.pools.length === 0) fail(w, 'missing spec.pools');
    for (const p of o.spec?.pools ?? []) {
      if (!Number.isInteger(p.servers) || !Number.isInteger(p.volumesPerServer)) fail(w, 'pool servers/volumesPerServer');
      need(w, p.volumeClaimTemplate?.spec?.resources?.requests?.storage, 'pool volumeClaimTemplate storage');
      if (p.servers * p.volumesPerServer < 4) fail(w, 'erasure coding needs at least 4 drives');
    }
  },
  'k8s.keycloak.org/v2alpha1 Keycloak': (w, o) => {
    need(w, o.spec?.db?.vendor, 'spec.db.vendor');
    need(w, o.spec?.hostname?.hostname, 'spec.hostname.hostname');
  },
  'k8s.keycloak.org/v2alpha1 KeycloakRealmImport': (w, o) => {
    need(w, o.spec?.keycloakCRName, 'spec.keycloakCRName');
    need(w, o.spec?.realm?.realm, 'spec.realm.realm');
  },
};

for (const { where, obj } of objects) {
  need(where, obj.apiVersion, 'apiVersion');
  need(where, obj.kind, 'kind');
  need(where, obj.metadata?.name, 'metadata.name');
  if (obj.kind !== 'Namespace') need(where, obj.metadata?.namespace, 'metadata.namespace');
  const Model = obj.apiVersion && obj.kind ? await coreModel(obj.apiVersion, obj.kind) : null;
  if (Model) {
    try {
      new Model(obj).validate();
    } catch (e) {
      fail(where, e.message);
    }
  } else if (crds[`${obj.apiVersion} ${obj.kind}`]) {
    crds[`${obj.apiVersion} ${obj.kind}`](where, obj);
  } else {
    fail(where, `unknown apiVersion/kind ${obj.apiVersion} ${obj.kind}`);
  }
}

// --- names that refer to each other -----------------------------------------------------------------------------
const named = (kind) => new Map(objects.filter((o) => o.obj.kind === kind).map((o) => [o.obj.metadata.name, o.obj]));
const configMaps = named('ConfigMap');
const secrets = named('Secret');
const deployments = named('Deployment');
const keycloaks = named('Keycloak');
const clusters = named('Cluster');
const labelsMatch = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

const appEnv = new Map(); // variable → where it is set
for (const [name, d] of deployments) {
  const pod = d.spec.template;
  if (!labelsMatch(d.spec.selector.matchLabels, pod.metadata.labels)) fail(`Deployment/${name}`, 'selector does not match its pods');
  for (const c of pod.spec.containers) {
    const ports = new Set((c.ports ?? []).map((p) => p.name));
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      const port = c[probe]?.httpGet?.port;
      if (typeof port === 'string' && !ports.has(port)) fail(`Deployment/${name}`, `${probe} names port ${port}`);
    }
    for (const from of c.envFrom ?? []) {
      const ref = from.configMapRef ? configMaps.get(from.configMapRef.name) : secrets.get(from.secretRef?.name);
      if (!ref) {
        fail(`Deployment/${name}`, `envFrom ${JSON.stringify(from)} names nothing in deploy/k8s`);
        continue;
      }
      for (const key of Object.keys({ ...ref.data, ...ref.stringData })) appEnv.set(key, `${ref.kind}/${ref.metadata.name}`);
    }
    for (const e of c.env ?? []) appEnv.set(e.name, `Deployment/${name}`);
  }
}
for (const { where, obj } of objects) {
  if (obj.kind === 'Service' && !Array.from(deployments.values()).some((d) => labelsMatch(obj.spec.selector, d.spec.template.metadata.labels))) {
    fail(where, 'selects no pod of a Deployment');
  }
  if (obj.kind === 'HorizontalPodAutoscaler' && !deployments.has(obj.spec.scaleTargetRef.name)) fail(where, 'scales nothing');
  if (obj.kind === 'PodDisruptionBudget' && !Array.from(deployments.values()).some((d) => labelsMatch(obj.spec.selector.matchLabels, d.spec.template.metadata.labels))) {
    fail(where, 'protects no pod');
  }
  if (obj.kind === 'KeycloakRealmImport' && !keycloaks.has(obj.spec.keycloakCRName)) fail(where, 'names no Keycloak');
  if (obj.kind === 'ScheduledBackup' && !clusters.has(obj.spec.cluster.name)) fail(where, 'backs up no Cluster');
}

// --- environment variables the app reads --------------------------------------------------------------------------
const properties = fs.readFileSync(path.join(root, 'src/main/resources/application.properties'), 'utf8');
const reads = new Set([...properties.matchAll(/\$\{([A-Z][A-Z0-9_]*)[:}]/g)].map((m) => m[1]));
const guide = fs.readFileSync(path.join(root, 'deploy/README.md'), 'utf8');
// the settings table (config.ConfigDocumentedTest keeps it equal to HocsoConfig): | `hocso.x` | `HOCSO_X` | …
for (const m of guide.matchAll(/^\| `hocso\.[^`]+` \| `([A-Z0-9_]+)` \|/gm)) reads.add(m[1]);
const knownToQuarkus = (name) => /^QUARKUS_[A-Z0-9_]+$/.test(name) && properties.includes('quarkus.')
  && ['QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING', 'QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST'].includes(name);
const checkEnv = (name, where) => {
  if (!reads.has(name) && !knownToQuarkus(name)) fail(where, `${name} is not a variable the app reads`);
};
appEnv.forEach((where, name) => checkEnv(name, where));
const secretsTheAppNeeds = ['HOCSO_SESSION_SECRET', 'HOCSO_WATCH_TICKET_SECRET', 'HOCSO_OIDC_CLIENT_SECRET', 'HOCSO_S3_SECRET_KEY', 'HOCSO_DB_PASSWORD', 'HOCSO_PUBLIC_URL'];
for (const s of secretsTheAppNeeds) if (!appEnv.has(s)) fail('deploy/k8s', `the app needs ${s}: no manifest gives it`);

const compose = YAML.parse(fs.readFileSync(path.join(root, 'deploy/compose.yaml'), 'utf8'));
const composeApp = compose.services?.app?.environment ?? {};
for (const name of Object.keys(composeApp)) checkEnv(name, 'compose.yaml services.app');
for (const s of secretsTheAppNeeds) if (!(s in composeApp)) fail('compose.yaml', `the app needs ${s}`);
for (const [name, service] of Object.entries(compose.services ?? {})) {
  if (!service.image && !service.build) fail(`compose.yaml services.${name}`, 'no image or build');
  for (const v of service.volumes ?? []) {
    const source = String(v).split(':')[0];
    if (source.startsWith('.') && !fs.existsSync(path.join(root, 'deploy', source))) fail(`compose.yaml services.${name}`, `${source} does not exist`);
  }
}

// --- the realm ---------------------------------------------------------------------------------------------------
const dev = JSON.parse(fs.readFileSync(path.join(root, 'deploy/keycloak/hocso-realm.json'), 'utf8'));
const production = JSON.parse(fs.readFileSync(path.join(root, 'deploy/keycloak/hocso-realm-production.json'), 'utf8'));
const imported = objects.find((o) => o.obj.kind === 'KeycloakRealmImport')?.obj.spec.realm;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
if (!same(imported, production)) fail('keycloak.yaml', 'the realm is not deploy/keycloak/hocso-realm-production.json');
if (production.users) fail('hocso-realm-production.json', 'has users (the demo accounts stay in development)');
const strip = (realm) => {
  const r = structuredClone(realm);
  delete r.users;
  delete r.sslRequired;
  // the mail server is the environment's own (GreenMail locally)
  delete r.smtpServer;
  for (const c of r.clients ?? []) {
    for (const k of ['secret', 'redirectUris', 'rootUrl']) delete c[k];
    for (const k of ['post.logout.redirect.uris', 'backchannel.logout.url']) delete c.attributes?.[k];
  }
  return r;
};
if (!same(strip(dev), strip(production))) fail('hocso-realm-production.json', 'differs from hocso-realm.json beyond users, addresses and secret');
for (const c of production.clients ?? []) {
  if (c.secret && !/^\$\{[A-Z_]+\}$/.test(c.secret)) fail('hocso-realm-production.json', `client ${c.clientId} has a literal secret`);
  for (const uri of c.redirectUris ?? []) if (!uri.startsWith('https://')) fail('hocso-realm-production.json', `redirect ${uri} is not https`);
}

// --- monitoring --------------------------------------------------------------------------------------------------
const rules = YAML.parse(fs.readFileSync(path.join(root, 'deploy/monitoring/prometheus-rules.yaml'), 'utf8'));
const exprs = [];
for (const group of rules.groups ?? []) {
  for (const rule of group.rules ?? []) {
    if (!rule.expr || !(rule.alert || rule.record)) fail(`prometheus-rules.yaml ${group.name}`, 'a rule without expr, alert or record');
    if (rule.alert && !rule.annotations?.summary) fail(`prometheus-rules.yaml ${rule.alert}`, 'no summary');
    exprs.push(String(rule.expr));
  }
}
const dashboard = JSON.parse(fs.readFileSync(path.join(root, 'deploy/monitoring/grafana-dashboard.json'), 'utf8'));
for (const panel of dashboard.panels ?? []) {
  if (!panel.targets?.length) fail(`grafana-dashboard.json ${panel.title}`, 'no query');
  for (const t of panel.targets ?? []) exprs.push(t.expr);
}
const recorded = new Set((rules.groups ?? []).flatMap((g) => g.rules ?? []).filter((r) => r.record).map((r) => r.record));
const used = new Set(exprs.flatMap((e) => [...e.matchAll(/\b(hocso(?::[a-z0-9_]+)+|hocso_[a-z0-9_]+|http_server_requests_seconds_[a-z]+|agroal_[a-z_]+|jvm_[a-z_]+|process_[a-z_]+)\b/g)].map((m) => m[1])));
const scraped = path.join(root, 'target/metrics.txt');
if (fs.existsSync(scraped)) {
  const published = new Set(fs.readFileSync(scraped, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/[{ ]/)[0]));
  for (const name of used) {
    if (name.includes(':')) {
      if (!recorded.has(name)) fail('deploy/monitoring', `${name} is no recording rule`);
    } else if (!published.has(name)) {
      fail('deploy/monitoring', `${name} is not in the app's /q/metrics (target/metrics.txt)`);
    }
  }
} else {
  console.log('validate: target/metrics.txt missing (run OpsTest): metric names in deploy/monitoring not checked');
}

if (problems.length) {
  console.error(problems.map((p) => `  ${p}`).join('\n'));
  console.error(`validate: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`validate: ${objects.length} objects in deploy/k8s, compose.yaml, realm, ${exprs.length} monitoring queries: all good`);
