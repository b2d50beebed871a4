// Renders the umbrella with its default, dev and prod values and checks what a cluster would be
// given: valid objects, hardened containers, the probe and port contract, and references that resolve.
import { appOf, type K8sObject, named, ofKind, podSpecs, prepareCharts, render, services } from './helm';
import { validateObject } from './validate';

const variants = { default: [], dev: ['values-dev.yaml'], prod: ['values-prod.yaml'] } as const;
type Variant = keyof typeof variants;
const rendered = {} as Record<Variant, K8sObject[]>;
let cleanup = () => undefined as void;

beforeAll(() => {
  const prepared = prepareCharts();
  cleanup = prepared.cleanup;
  for (const v of Object.keys(variants) as Variant[])
    rendered[v] = render(prepared.dir, 'gov-office', { values: [...variants[v]] });
});
afterAll(() => cleanup());

const each = Object.keys(variants) as Variant[];
const serviceDeployments = (v: Variant) => ofKind(rendered[v], 'Deployment');

describe.each(each)('the %s install', (v) => {
  it('renders a Deployment and a Service for each of the six services', () => {
    expect(serviceDeployments(v).map(appOf).sort()).toEqual([...services].sort());
    for (const s of services) named(rendered[v], 'Service', `gov-office-${s}`);
  });

  it('validates every object against the Kubernetes schemas', () => {
    const problems = rendered[v].flatMap((o) => validateObject(o).map((p) => `${o.kind}/${o.metadata.name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('gives no two objects of a kind the same name', () => {
    const keys = rendered[v].map((o) => `${o.kind}/${o.metadata.name}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('runs every container non-root on a read-only root with all capabilities dropped and resources set', () => {
    for (const { owner, spec } of podSpecs(rendered[v])) {
      expect({ owner, runAsNonRoot: spec.securityContext?.runAsNonRoot }).toEqual({ owner, runAsNonRoot: true });
      expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
        const sc = c.securityContext ?? {};
        expect({
          owner,
          container: c.name,
          sc: { ro: sc.readOnlyRootFilesystem, esc: sc.allowPrivilegeEscalation },
        }).toEqual({ owner, container: c.name, sc: { ro: true, esc: false } });
        expect(sc.runAsNonRoot).toBe(true);
        expect(sc.capabilities?.drop).toEqual(['ALL']);
        expect(sc.capabilities?.add).toBeUndefined();
        for (const kind of ['requests', 'limits']) {
          expect({
            owner,
            kind,
            cpu: Boolean(c.resources?.[kind]?.cpu),
            memory: Boolean(c.resources?.[kind]?.memory),
          }).toEqual({ owner, kind, cpu: true, memory: true });
        }
      }
    }
  });

  it('runs the services as uid 10001 with /tmp as their only writable path', () => {
    for (const d of serviceDeployments(v)) {
      const spec = d.spec.template.spec;
      expect(spec.securityContext.runAsUser).toBe(10001);
      expect(spec.containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
      expect(spec.automountServiceAccountToken).toBe(false);
    }
  });

  it('probes /healthz and /readyz on the admin port and gRPC health on port 50051', () => {
    for (const d of serviceDeployments(v)) {
      const c = d.spec.template.spec.containers[0];
      const ports = Object.fromEntries(
        c.ports.map((p: { name: string; containerPort: number }) => [p.name, p.containerPort]),
      );
      expect(ports.admin).toBe(9100);
      expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'admin' });
      expect(c.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'admin' });
      if (appOf(d) === 'gateway') {
        expect(ports).toEqual({ http: 8080, admin: 9100 });
        expect(c.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'admin' });
      } else {
        expect(ports).toEqual({ grpc: 50051, admin: 9100 });
        expect(c.startupProbe.grpc).toEqual({ port: 50051 });
      }
    }
  });

  it('hands every service the environment the services read', () => {
    const base = [
      'SERVICE_NAME',
      'LOG_LEVEL',
      'GRPC_PORT',
      'ADMIN_PORT',
      'MONGO_DB',
      'KAFKA_BROKERS',
      'KAFKA_CLIENT_ID',
    ];
    for (const d of serviceDeployments(v)) {
      const app = appOf(d);
      const c = d.spec.template.spec.containers[0];
      const env = named(rendered[v], 'ConfigMap', c.envFrom[0].configMapRef.name).data as Record<string, string>;
      for (const k of [...base, 'TOPIC_PREFIX', 'OTEL_SERVICE_NAME', 'NODE_ENV']) expect(Object.keys(env)).toContain(k);
      expect(env).toMatchObject({ SERVICE_NAME: app, NODE_ENV: 'production', GRPC_PORT: '50051', ADMIN_PORT: '9100' });
      expect(env.TOPIC_PREFIX).toBe('');
      expect(c.env.find((e: { name: string }) => e.name === 'MONGO_URL')?.valueFrom?.secretKeyRef).toBeDefined();
      if (app === 'gateway') {
        expect(env.HTTP_PORT).toBe('8080');
        for (const s of services.filter((x) => x !== 'gateway')) {
          const [host, port] = env[`${s.toUpperCase()}_GRPC_ADDR`]!.split(':');
          expect(named(rendered[v], 'Service', host!).spec.ports).toContainEqual(
            expect.objectContaining({ port: Number(port) }),
          );
        }
      }
    }
  });

  it('selects each workload with its Service and routes only to ports the pods expose', () => {
    for (const svc of ofKind(rendered[v], 'Service')) {
      const pods = podSpecs(rendered[v]).filter(({ owner }) => !owner.startsWith('Job'));
      const workload = rendered[v].find(
        (o) =>
          ['Deployment', 'StatefulSet'].includes(o.kind) &&
          Object.entries(svc.spec.selector).every(([k, val]) => o.spec.template.metadata.labels[k] === val),
      );
      expect({ service: svc.metadata.name, found: Boolean(workload) }).toEqual({
        service: svc.metadata.name,
        found: true,
      });
      const spec = pods.find((p) => p.owner === `${workload!.kind}/${workload!.metadata.name}`)!.spec;
      const names = spec.containers.flatMap((c: { ports: { name: string }[] }) => c.ports.map((p) => p.name));
      for (const p of svc.spec.ports) expect(names).toContain(p.targetPort);
    }
  });

  it('points every ServiceMonitor at a Service port that exists', () => {
    for (const sm of ofKind(rendered[v], 'ServiceMonitor')) {
      const svc = ofKind(rendered[v], 'Service').find((s) =>
        Object.entries(sm.spec.selector.matchLabels).every(([k, val]) => s.metadata.labels[k] === val),
      );
      expect(svc?.spec.ports.map((p: { name: string }) => p.name)).toContain(sm.spec.endpoints[0].port);
    }
  });
});

describe('the default install', () => {
  it('uses the existing Kafka and MongoDB and runs neither itself', () => {
    expect(ofKind(rendered.default, 'StatefulSet')).toEqual([]);
    expect(ofKind(rendered.default, 'Secret')).toEqual([]);
    const job = named(rendered.default, 'Job', 'gov-office-topics');
    expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
  });
});

describe('the dev install', () => {
  it('runs a KRaft Kafka from apache/kafka:3.9.2 and mongo:7, and points the services at them', () => {
    const kafka = named(rendered.dev, 'StatefulSet', 'gov-office-kafka');
    const mongo = named(rendered.dev, 'StatefulSet', 'gov-office-mongo');
    expect(kafka.spec.template.spec.containers[0].image).toBe('apache/kafka:3.9.2');
    expect(mongo.spec.template.spec.containers[0].image).toBe('mongo:7');
    expect(named(rendered.dev, 'ConfigMap', 'gov-office-kafka').data['server.properties']).toMatch(
      /process\.roles=broker,controller/,
    );
    const env = named(rendered.dev, 'ConfigMap', 'gov-office-duty-env').data;
    expect(env.KAFKA_BROKERS).toBe('gov-office-kafka:9092');
    const secret = named(rendered.dev, 'Secret', 'gov-office-mongo-url');
    expect(secret.stringData.url).toBe('mongodb://gov-office-mongo:27017');
  });

  it('creates the topics with a plain Job that helm --wait does not block, one partition copy each', () => {
    const [job, ...more] = ofKind(rendered.dev, 'Job');
    expect(more).toEqual([]);
    expect(job!.metadata.name).toMatch(/^gov-office-topics-[0-9a-f]{8}$/);
    expect(job!.metadata.annotations?.['helm.sh/hook']).toBeUndefined();
    expect(job!.spec.template.spec.containers[0].args[0]).toMatch(/--replication-factor 1 --config retention\.ms=/);
  });
});
