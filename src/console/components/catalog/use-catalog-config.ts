import { useSession } from '../../session.tsx';
import type { CatalogConfig } from '../../types-catalog.ts';
import { useApi } from '../../use-api.ts';

/** The agency's catalog categories and 索引号 scheme. */
export function useCatalogConfig() {
  const { user } = useSession();
  return useApi<CatalogConfig>(`/api/catalog/agencies/${user.agencyId}/categories`);
}
