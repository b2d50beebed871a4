import type { InfraState } from './infra';

/** Docker path: a Kafka 3.9 KRaft container and a mongo:7 replica set. Used only where an engine answers. */
export async function startContainers(): Promise<InfraState> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const kafka = await new GenericContainer('apache/kafka:3.9.2')
    .withExposedPorts({ container: 9092, host: 19092 })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:19092',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const mongo = await new GenericContainer('mongo:7')
    .withExposedPorts(27017)
    .withCommand(['--replSet', 'rs0', '--bind_ip_all'])
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .start();
  await mongo.exec([
    'mongosh',
    '--quiet',
    '--eval',
    'rs.initiate({_id:"rs0",members:[{_id:0,host:"localhost:27017"}]})',
  ]);
  return {
    mode: 'docker',
    kafkaBrokers: `127.0.0.1:${kafka.getMappedPort(9092)}`,
    mongoUrl: `mongodb://127.0.0.1:${mongo.getMappedPort(27017)}/?directConnection=true`,
    startedHere: true,
    containers: [kafka.getId(), mongo.getId()],
  };
}
