import type { Schedule } from './schedule.ts';
import { validateSchedule } from './schedule.ts';
import y2018 from './schedules/2018.json' with { type: 'json' };
import y2019 from './schedules/2019.json' with { type: 'json' };
import y2020 from './schedules/2020.json' with { type: 'json' };
import y2021 from './schedules/2021.json' with { type: 'json' };
import y2022 from './schedules/2022.json' with { type: 'json' };
import y2023 from './schedules/2023.json' with { type: 'json' };
import y2024 from './schedules/2024.json' with { type: 'json' };
import y2025 from './schedules/2025.json' with { type: 'json' };
import y2026 from './schedules/2026.json' with { type: 'json' };

/** Where the bundled schedules come from (schedules/README.md, MIT licence in schedules/LICENSE). */
export const BUNDLED_SOURCE = 'NateScarlet/holiday-cn, commit d4e53bf (2026-08-07)';

const RAW: readonly unknown[] = [y2018, y2019, y2020, y2021, y2022, y2023, y2024, y2025, y2026];

/** The official schedules 2018–2026, validated once when the module loads (a broken file is a build error). */
export const BUNDLED_SCHEDULES: readonly Schedule[] = RAW.map((raw, i) => {
  const result = validateSchedule(raw);
  if (!result.ok) throw new Error(`内置放假安排第 ${i + 1} 个文件无效：${result.errors.join('；')}`);
  return result.schedule;
});
