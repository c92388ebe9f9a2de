import { execFile } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { chmod, cp, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../../persistence/database.ts';

const run = promisify(execFile);

/**
 * Backups: a folder holding the database (SQLite online backup, or a pg_dump custom-format archive), the
 * attachments, and a manifest with the SHA-256 of every file. Restore checks the whole folder against the
 * manifest before touching anything, then replaces the database and the attachments so that an interruption
 * leaves either the old or the new state, never a mixture.
 *
 * The encryption key of personal data is NOT in the backup (a leaked backup must not expose ID numbers); the
 * manifest holds its fingerprint so that a restore with another key is refused instead of leaving unreadable
 * records.
 */
export interface Manifest {
  format: 'gongkai-backup/1';
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** the PostgreSQL schema the dump holds (null: the connection's default) */
  schema?: string | null;
  /** HMAC of a fixed label under the field-encryption key: tells keys apart without revealing them */
  keyFingerprint?: string;
  /** the audit chain's head when the backup began: an anchor outside the database (`audit verify --anchor`) */
  auditHead?: { id: number; hash: string };
  files: Record<string, string>;
}

export const DATABASE_FILE = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const;
const MANIFEST = 'manifest.json';

export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('gongkai/backup-key-fingerprint').digest('hex').slice(0, 32);
}

async function sha256File(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Writes a file's data and its folder entry to disk (a backup or a restored file must survive a crash). */
async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Folders 0700 and files 0600 under `dir`. */
async function narrowModes(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await chmod(path, 0o700);
      await narrowModes(path);
    } else await chmod(path, 0o600);
  }
}

export async function backup(
  database: Database,
  dataDir: string,
  outDir: string,
  now: Date,
  options: { secretKey?: Buffer } = {},
): Promise<Manifest> {
  if (existsSync(outDir) && (await readdir(outDir)).length > 0)
    throw new Error(`备份目录 ${outDir} 不是空目录`);
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  await chmod(outDir, 0o700);
  const head = await database.db
    .selectFrom('event_head')
    .select(['last_id', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (database.sqlite) {
    await database.sqlite.backup(join(outDir, DATABASE_FILE.sqlite));
  } else if (database.postgres) {
    const args = [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${join(outDir, DATABASE_FILE.postgres)}`,
    ];
    if (database.postgres.schema) args.push(`--schema=${database.postgres.schema}`);
    await run('pg_dump', [...args, `--dbname=${database.postgres.url}`]);
  } else throw new Error('不支持的数据库');
  const attachments = join(dataDir, 'attachments');
  if (existsSync(attachments)) await cp(attachments, join(outDir, 'attachments'), { recursive: true });
  const files: Record<string, string> = {};
  // a backup holds the personal data of every application: only the owner reads it (folders 0700, files 0600)
  await narrowModes(outDir);
  for (const file of await listFiles(outDir)) {
    await fsyncPath(file);
    files[relative(outDir, file).split(sep).join('/')] = await sha256File(file);
  }
  const manifest: Manifest = {
    format: 'gongkai-backup/1',
    createdAt: now.toISOString(),
    dialect: database.dialect,
    ...(database.postgres ? { schema: database.postgres.schema } : {}),
    ...(options.secretKey ? { keyFingerprint: keyFingerprint(options.secretKey) } : {}),
    ...(head && head.last_id > 0 ? { auditHead: { id: head.last_id, hash: head.last_hash } } : {}),
    files,
  };
  await writeFile(join(outDir, MANIFEST), JSON.stringify(manifest, null, 2), { mode: 0o600 });
  await fsyncPath(join(outDir, MANIFEST));
  return manifest;
}

/**
 * Checks a backup folder against its manifest: the manifest is readable, names the database file, lists
 * exactly the files present (none missing, none extra, none outside the folder) and every checksum matches.
 */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) throw new Error(`${dir} 中没有 ${MANIFEST}，不是 Gongkai 备份`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  } catch {
    throw new Error(`备份清单 ${MANIFEST} 已损坏（不是有效的 JSON），无法校验备份`);
  }
  if (
    !manifest ||
    manifest.format !== 'gongkai-backup/1' ||
    (manifest.dialect !== 'sqlite' && manifest.dialect !== 'postgres') ||
    typeof manifest.files !== 'object' ||
    manifest.files === null
  )
    throw new Error('备份清单格式无法识别');
  const listed = Object.keys(manifest.files);
  for (const file of listed) {
    const path = normalize(file);
    if (isAbsolute(path) || path.startsWith('..')) throw new Error(`备份清单中有目录之外的文件：${file}`);
  }
  if (!listed.includes(DATABASE_FILE[manifest.dialect]))
    throw new Error(`备份清单中没有数据库文件 ${DATABASE_FILE[manifest.dialect]}，备份不完整或清单已被改动`);
  const present = (await listFiles(dir))
    .map((f) => relative(dir, f).split(sep).join('/'))
    .filter((f) => f !== MANIFEST);
  const extra = present.filter((f) => !(f in manifest.files));
  if (extra.length > 0)
    throw new Error(`备份中有清单之外的文件（清单已被改动？）：${extra.slice(0, 3).join('、')}`);
  for (const [file, hash] of Object.entries(manifest.files)) {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`备份文件缺失：${file}`);
    if ((await sha256File(path)) !== hash) throw new Error(`备份文件已损坏（校验和不符）：${file}`);
  }
  return manifest;
}

export type RestoreTarget =
  { dialect: 'sqlite'; sqlitePath: string } | { dialect: 'postgres'; url: string; schema: string | null };

/**
 * Restores a backup, with the server stopped. Everything is checked first — the manifest and checksums, the
 * dialect, the key fingerprint, (SQLite) `PRAGMA integrity_check` of the backup, (PostgreSQL) the archive's
 * table of contents — and only then is anything replaced. SQLite: the file is copied beside the target,
 * synced and renamed over it. PostgreSQL: pg_restore --clean in one transaction (all or nothing). Attachments:
 * copied beside the current folder and swapped in.
 */
export async function restore(
  target: RestoreTarget,
  dataDir: string,
  fromDir: string,
  options: { secretKey?: Buffer } = {},
): Promise<Manifest> {
  const manifest = await verifyBackup(fromDir);
  if (manifest.dialect !== target.dialect)
    throw new Error(`备份来自 ${manifest.dialect}，不能恢复到 ${target.dialect}`);
  if (
    manifest.keyFingerprint &&
    options.secretKey &&
    keyFingerprint(options.secretKey) !== manifest.keyFingerprint
  )
    throw new Error(
      '当前的加密密钥与备份时的不同，恢复后个人信息将无法解密：请先把原来的密钥放回 DATA_DIR/secret.key 或设置 GONGKAI_SECRET_KEY，再恢复',
    );
  const source = join(fromDir, DATABASE_FILE[target.dialect]);
  if (target.dialect === 'sqlite') {
    // checked on a copy beside the target: opening a WAL database, even read-only, writes -wal/-shm files,
    // and the backup folder must stay exactly as its manifest describes it
    await mkdir(dirname(target.sqlitePath), { recursive: true });
    const temp = `${target.sqlitePath}.restoring`;
    await cp(source, temp);
    await chmod(temp, 0o600);
    let result: unknown;
    try {
      const check = new BetterSqlite3(temp, { fileMustExist: true });
      try {
        result = check.pragma('integrity_check', { simple: true });
      } finally {
        check.close();
      }
    } catch (error) {
      result = (error as Error).message;
    }
    if (result !== 'ok') {
      for (const suffix of ['', '-wal', '-shm']) await rm(temp + suffix, { force: true });
      throw new Error(`备份数据库完整性检查失败：${String(result)}`);
    }
    for (const suffix of ['-wal', '-shm']) await rm(temp + suffix, { force: true });
    await fsyncPath(temp);
    // the old write-ahead log belongs to the old file: it must not be replayed onto the restored one
    for (const suffix of ['-wal', '-shm']) await rm(target.sqlitePath + suffix, { force: true });
    await rename(temp, target.sqlitePath);
    await fsyncPath(dirname(target.sqlitePath));
  } else {
    await run('pg_restore', ['--list', source]).catch(() => {
      throw new Error('备份数据库文件无法读取（不是有效的 pg_dump 归档）');
    });
    if (manifest.schema !== undefined && (manifest.schema ?? null) !== target.schema)
      throw new Error(
        `备份的是模式 ${manifest.schema ?? '（默认）'}，当前配置的是 ${target.schema ?? '（默认）'}：请把 DATABASE_SCHEMA 设为与备份时相同`,
      );
    const args = [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.url}`,
    ];
    await run('pg_restore', [...args, source]).catch((error: { stderr?: string }) => {
      throw new Error(
        `pg_restore 失败，数据库未改动：${String(error.stderr ?? error)
          .trim()
          .slice(0, 500)}`,
      );
    });
  }

  const attachments = join(fromDir, 'attachments');
  if (existsSync(attachments) && (await stat(attachments)).isDirectory()) {
    const current = join(dataDir, 'attachments');
    const incoming = `${current}.restoring`;
    const outgoing = `${current}.replaced`;
    await rm(incoming, { recursive: true, force: true });
    await cp(attachments, incoming, { recursive: true });
    await chmod(incoming, 0o700);
    await narrowModes(incoming);
    await rm(outgoing, { recursive: true, force: true });
    if (existsSync(current)) await rename(current, outgoing);
    await rename(incoming, current);
    await rm(outgoing, { recursive: true, force: true });
  }
  return manifest;
}
