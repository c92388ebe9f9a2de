import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../domain/access/roles.ts';
import type { Schema, UserTable } from '../schema.ts';

export interface User {
  id: number;
  agencyId: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  /** where reminders are mailed (null: none) */
  email: string | null;
  /** the department (科室) the person works in, for 会签 (null: none) */
  department: string | null;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

const toUser = (row: Selectable<UserTable>): UserWithHash => ({
  id: row.id,
  agencyId: row.agency_id,
  username: row.username,
  displayName: row.display_name,
  roles: JSON.parse(row.roles) as Role[],
  disabled: row.disabled === 1,
  email: row.email ?? null,
  department: row.department ?? null,
  passwordHash: row.password_hash,
});

export const withoutHash = ({ passwordHash: _, ...user }: UserWithHash): User => user;

export async function insertUser(
  db: Kysely<Schema>,
  user: {
    agencyId: number;
    username: string;
    displayName: string;
    roles: Role[];
    passwordHash: string;
    email?: string | null;
    department?: string | null;
  },
  at: string,
): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      agency_id: user.agencyId,
      username: user.username,
      display_name: user.displayName,
      roles: JSON.stringify(user.roles),
      password_hash: user.passwordHash,
      disabled: 0,
      created_at: at,
      email: user.email ?? null,
      // written only when given (the column's default is null): the upgrade tests create staff on the schema
      // of an earlier migration, before 0017 added the column
      ...(user.department ? { department: user.department } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return withoutHash(toUser(row));
}

export async function findUserByUsername(db: Kysely<Schema>, username: string): Promise<UserWithHash | null> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUser(db: Kysely<Schema>, id: number): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? withoutHash(toUser(row)) : null;
}

export async function listUsers(db: Kysely<Schema>, agencyId: number): Promise<User[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute();
  return rows.map((r) => withoutHash(toUser(r)));
}

export async function updateUser(
  db: Kysely<Schema>,
  id: number,
  patch: {
    displayName?: string;
    roles?: Role[];
    disabled?: boolean;
    passwordHash?: string;
    email?: string | null;
    department?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.roles !== undefined ? { roles: JSON.stringify(patch.roles) } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.department !== undefined ? { department: patch.department } : {}),
    })
    .where('id', '=', id)
    .execute();
}
