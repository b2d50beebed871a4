// Registers a few incoming documents through the gateway so a fresh stack has something to look at.
// Fixed idempotency keys: running `up` again does not register them twice.
import { setTimeout as sleep } from 'node:timers/promises';
const [base, token] = process.argv.slice(2);

/**
 * fetch, retried while the gateway answers 503: a service that has only just started may not be reachable from
 * the gateway yet (its channel is still backing off from an attempt before the service listened). Every call here
 * carries an idempotency key, so a retry cannot register anything twice.
 */
async function send(url, init) {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, init);
    if (res.status !== 503 || attempt >= 20) return res;
    await sleep(500);
  }
}
const docs = [
  {
    key: 'demo-1',
    title: '关于做好2026年度金融扶贫小额信贷工作的通知',
    sender: { id: 'city-finance-office', name: '市金融办' },
    senderDocNo: '市金办〔2026〕12号',
    urgency: 'NORMAL',
    nature: 'FOR_ACTION',
    handlingLimitWorkingDays: 0,
  },
  {
    key: 'demo-2',
    title: '关于报送冬季安全生产大检查情况的紧急通知',
    sender: { id: 'city-safety-committee', name: '市安委办' },
    senderDocNo: '市安办〔2026〕40号',
    urgency: 'URGENT',
    nature: 'FOR_ACTION',
    handlingLimitWorkingDays: 3,
  },
  {
    key: 'demo-3',
    title: '2026年第三季度政务信息采用情况通报',
    sender: { id: 'city-gov-office', name: '市政府办公室' },
    senderDocNo: '市府办〔2026〕88号',
    urgency: 'NORMAL',
    nature: 'FOR_READING',
    handlingLimitWorkingDays: 0,
  },
];
for (const { key, ...d } of docs) {
  const res = await send(`${base}/v1/documents/incoming`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({
      ...d,
      classification: 'PUBLIC',
      channel: 'ELECTRONIC_GOV_NET',
      ccOnly: false,
      fromSuperior: true,
      receivedAt: new Date().toISOString(),
    }),
  });
  const body = await res.json();
  // a later `up` sends the same key with a new receivedAt; the platform refuses that, which here means "seeded"
  if (body.code === 'IDEMPOTENCY_KEY_REUSED') {
    console.error(`[up] demo document ${key} already registered`);
    continue;
  }
  if (!res.ok) throw new Error(`demo document ${key}: ${res.status} ${JSON.stringify(body)}`);
  console.error(`[up] demo document ${body.receiptNo} ${body.title}`);
}

// This week's duty roster (Monday 08:30 Shanghai time to the next Monday 08:30), so the duty desk answers "who is
// on duty" and an emergency report reaches someone. Keyed by the week: a later `up` in the same week replays it.
const managerToken = process.argv[4];
if (managerToken) {
  const dayMs = 86_400_000;
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const monday =
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) -
    ((shanghai.getUTCDay() + 6) % 7) * dayMs;
  const at = (day, hhmm) =>
    new Date(monday + day * dayMs + (Number(hhmm.slice(0, 2)) - 8) * 3600_000 + Number(hhmm.slice(3)) * 60_000);
  const officers = ['duty-li', 'duty-wang', 'duty-zhao'];
  const leaders = ['office-deputy-chen', 'office-deputy-liu'];
  const govLeaders = ['gov-deputy-sun', 'gov-deputy-zhou'];
  const shifts = [];
  for (let d = 0; d < 7; d++) {
    const shift = (type, personId, from, to, toDay = d) =>
      shifts.push({ type, personId, startsAt: at(d, from).toISOString(), endsAt: at(toDay, to).toISOString() });
    shift('OFFICE_DAY', officers[d % 3], '08:30', '18:00');
    shift('OFFICE_NIGHT', officers[(d + 1) % 3], '18:00', '08:30', d + 1);
    shift('OFFICE_LEADER_24H', leaders[d % 2], '08:30', '08:30', d + 1);
    shift('GOV_LEADER_24H', govLeaders[d % 2], '08:30', '08:30', d + 1);
  }
  let seq = 0;
  const person = (personId, name, standingRole) => ({
    personId,
    name,
    phone: `1380000${String(++seq).padStart(4, '0')}`,
    ...(standingRole ? { standingRole } : {}),
  });
  const contacts = [
    person('duty-li', '李值班'),
    person('duty-wang', '王值班'),
    person('duty-zhao', '赵值班'),
    person('office-deputy-chen', '陈副主任', 'OFFICE_DEPUTY'),
    person('office-deputy-liu', '刘副主任'),
    person('office-director', '办公室主任', 'OFFICE_DIRECTOR'),
    person('office-acting', '常务副主任', 'OFFICE_ACTING_DIRECTOR'),
    person('gov-deputy-sun', '孙副区长'),
    person('gov-deputy-zhou', '周副区长'),
    person('gov-head', '区长', 'GOV_PRINCIPAL'),
    person('gov-exec', '常务副区长', 'GOV_EXEC_DEPUTY'),
  ];
  const week = new Date(monday).toISOString().slice(0, 10);
  const res = await send(`${base}/v1/duty/rosters`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${managerToken}`,
      'content-type': 'application/json',
      'idempotency-key': `demo-roster-${week}`,
    },
    body: JSON.stringify({
      periodStart: at(0, '08:30').toISOString(),
      periodEnd: at(7, '08:30').toISOString(),
      shifts,
      contacts,
    }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`demo roster: ${res.status} ${JSON.stringify(body)}`);
  console.error(`[up] demo duty roster ${body.rosterId} for the week of ${week}`);
}
