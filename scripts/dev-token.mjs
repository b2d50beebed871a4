// Prints a dev JWT signed with the local key: node scripts/dev-token.mjs [userId] [ROLE,ROLE] [clearance] [org]
import { readFileSync } from 'node:fs';
import { importJWK, SignJWT } from 'jose';

const jwk = JSON.parse(readFileSync(new URL('../.run/dev/private.jwk.json', import.meta.url), 'utf8'));
const [sub = 'dev-clerk', roles = 'CLERK', clearance = 'INTERNAL', org = 'gov-office/secretariat'] =
  process.argv.slice(2);
const key = await importJWK(jwk, 'ES256');
const token = await new SignJWT({ name: sub, org, roles: roles.split(','), clearance })
  .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
  .setSubject(sub)
  .setIssuer(process.env.JWT_ISSUER ?? 'gov-office-dev')
  .setAudience(process.env.JWT_AUDIENCE ?? 'gov-office')
  .setIssuedAt()
  .setExpirationTime('12h')
  .sign(key);
process.stdout.write(token + '\n');
