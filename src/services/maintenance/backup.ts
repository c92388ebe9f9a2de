import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../../persistence/database.ts';

const run = promisify(execFile);

/**
 * Backups: a folder holding the database (SQLite online backup, or a pg_dump custom-format archive), the
 * attachments, and a manifest with the SHA-256 of every file. Restore checks the manifest before touching
 * anything.
 */
export interface Manifest {
  format: 'gongkai-backup/1';
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  files: Record<string, string>;
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

export async function backup(
  database: Database,
  dataDir: string,
  outDir: string,
  now: Date,
): Promise<Manifest> {
  if (existsSync(outDir) && (await readdir(outDir)).length > 0)
    throw new Error(`备份目录 ${outDir} 不是空目录`);
  await mkdir(outDir, { recursive: true });
  if (database.sqlite) {
    await database.sqlite.backup(join(outDir, 'database.sqlite'));
  } else if (database.postgres) {
    const args = [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${join(outDir, 'database.pgdump')}`,
    ];
    if (database.postgres.schema) args.push(`--schema=${database.postgres.schema}`);
    await run('pg_dump', [...args, database.postgres.url]);
  } else throw new Error('不支持的数据库');
  const attachments = join(dataDir, 'attachments');
  if (existsSync(attachments)) await cp(attachments, join(outDir, 'attachments'), { recursive: true });
  const files: Record<string, string> = {};
  for (const file of await listFiles(outDir)) files[relative(outDir, file)] = await sha256File(file);
  const manifest: Manifest = {
    format: 'gongkai-backup/1',
    createdAt: now.toISOString(),
    dialect: database.dialect,
    files,
  };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${dir} 中没有 manifest.json，不是 Gongkai 备份`);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  if (manifest.format !== 'gongkai-backup/1') throw new Error('备份格式无法识别');
  for (const [file, hash] of Object.entries(manifest.files)) {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`备份文件缺失：${file}`);
    if ((await sha256File(path)) !== hash) throw new Error(`备份文件已损坏（校验和不符）：${file}`);
  }
  return manifest;
}

/**
 * Restores a backup. SQLite: the target database must be closed (the CLI restores with the server stopped);
 * the backup passes `PRAGMA integrity_check` before it replaces the file. PostgreSQL: pg_restore --clean.
 */
export async function restore(
  target:
    { dialect: 'sqlite'; sqlitePath: string } | { dialect: 'postgres'; url: string; schema: string | null },
  dataDir: string,
  fromDir: string,
): Promise<Manifest> {
  const manifest = await verifyBackup(fromDir);
  if (manifest.dialect !== target.dialect)
    throw new Error(`备份来自 ${manifest.dialect}，不能恢复到 ${target.dialect}`);
  if (target.dialect === 'sqlite') {
    const source = join(fromDir, 'database.sqlite');
    const check = new BetterSqlite3(source, { readonly: true });
    const result = check.pragma('integrity_check', { simple: true });
    check.close();
    if (result !== 'ok') throw new Error(`备份数据库完整性检查失败：${String(result)}`);
    for (const suffix of ['-wal', '-shm']) await rm(target.sqlitePath + suffix, { force: true });
    await cp(source, target.sqlitePath);
  } else {
    const args = ['--clean', '--if-exists', '--no-owner', '--no-privileges', `--dbname=${target.url}`];
    if (target.schema) args.push(`--schema=${target.schema}`);
    await run('pg_restore', [...args, join(fromDir, 'database.pgdump')]);
  }
  const attachments = join(fromDir, 'attachments');
  if (existsSync(attachments) && (await stat(attachments)).isDirectory()) {
    await rm(join(dataDir, 'attachments'), { recursive: true, force: true });
    await cp(attachments, join(dataDir, 'attachments'), { recursive: true });
  }
  return manifest;
}
