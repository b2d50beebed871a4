// Registers a few incoming documents through the gateway so a fresh stack has something to look at.
// Fixed idempotency keys: running `up` again does not register them twice.
const [base, token] = process.argv.slice(2);
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
  const res = await fetch(`${base}/v1/documents/incoming`, {
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
