import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { EDITOR_ROLES } from '../../domain/catalog/review.ts';
import { CatalogList } from '../components/catalog/CatalogList.tsx';
import { ItemEditor } from '../components/catalog/ItemEditor.tsx';
import { NormativeRegister } from '../components/catalog/NormativeRegister.tsx';
import { YearlyFigures } from '../components/catalog/YearlyFigures.tsx';
import { ReviewQueue } from '../components/catalog/ReviewQueue.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { navigate, useLocation } from '../router.tsx';
import { hasRole, useSession } from '../session.tsx';

/** 主动公开: the catalog's items and the review queue; drafting opens the editor. */
export function CatalogPage() {
  const { user } = useSession();
  const { query } = useLocation();
  const tab = query.get('tab') ?? 'items';
  const [drafting, setDrafting] = useState(false);
  const canDraft = hasRole(user, ...EDITOR_ROLES);
  return (
    <>
      <PageHeader
        title="主动公开"
        sub="政府信息公开目录：起草、审核、保密审查、领导签发、发布（先审核后公开）"
        extra={
          canDraft && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)}>
              起草信息
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/catalog?tab=${key}`, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'items', label: '全部信息', children: <CatalogList /> },
          { key: 'queue', label: '审核队列', children: <ReviewQueue /> },
          { key: 'normative', label: '规章和规范性文件', children: <NormativeRegister /> },
          { key: 'figures', label: '表二其他系统数据', children: <YearlyFigures /> },
        ]}
      />
      <ItemEditor
        item={null}
        open={drafting}
        onClose={() => setDrafting(false)}
        onSaved={(item) => {
          setDrafting(false);
          navigate(`/catalog/items/${item.id}`);
        }}
      />
    </>
  );
}
