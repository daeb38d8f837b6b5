/** `npm run admin:grant -- <email>`: give an existing account the admin role. */
import { z } from 'zod';
import { emailSchema } from '../../core/auth/contracts.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { grantAdminRole } from '../platform/auth/admin-bootstrap.ts';

const parsedEmail = z.tuple([emailSchema]).safeParse(process.argv.slice(2));
if (!parsedEmail.success) {
  console.error('Usage: npm run admin:grant -- <email>');
  process.exit(2);
}
const [email] = parsedEmail.data;

try {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await runMigrations(database, config.database.kind === 'postgres' ? config.database.url : undefined);
    if (await grantAdminRole(database, email)) {
      console.log(`${email} is now an admin. They get the admin console at their next request.`);
    } else {
      console.error(`No account uses ${email}. Ask them to sign up first.`);
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
