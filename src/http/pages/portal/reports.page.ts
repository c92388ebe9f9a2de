import type { AnnualReport } from '../../../domain/report/index.ts';
import { SECTION_HEADINGS } from '../../../domain/report/index.ts';
import { REPORT_TABLE_CSS, renderReportTablesHtml } from '../../../render/report/index.ts';
import type { Html } from '../html.ts';
import { html, raw } from '../html.ts';
import { breadcrumbs, paragraphs } from './parts.ts';
import type { PortalView } from './shell.ts';
import { link, portalPage } from './shell.ts';

/** 政府信息公开工作年度报告 (条例 Art. 49, 50): the published reports, each rendered by the report renderer. */
export function reportsPage(
  view: PortalView,
  reports: readonly { year: number; title: string; publishedAt: string }[],
): string {
  return portalPage(view, {
    title: '政府信息公开工作年度报告',
    current: 'reports',
    body: html`${breadcrumbs(view, [{ label: '年度报告' }])}
      <h1>政府信息公开工作年度报告</h1>
      ${
        reports.length === 0
          ? html`<p>暂无已公布的年度报告。</p>`
          : html`<ul class="item-list">
              ${reports.map(
                (r) =>
                  html`<li>
                    <a href="${link(view, `/reports/${r.year}`)}">${r.title}</a>
                    <span class="item-meta"
                      ><time datetime="${r.publishedAt.slice(0, 10)}"
                        >${r.publishedAt.slice(0, 10)} 公布</time
                      ></span
                    >
                  </li>`,
              )}
            </ul>`
      }`,
  });
}

/** The six sections in order: prose of each, and the three tables (二, 三, 四) under their sections. */
export function reportPage(
  view: PortalView,
  meta: { year: number; title: string; publishedAt: string },
  report: AnnualReport,
): string {
  // the renderer gives the three tables as one fragment of three scrollable regions, in the order 二, 三, 四
  const tables = renderReportTablesHtml(report)
    .split(/(?=<div class="table-wrap")/)
    .filter((t) => t.trim());
  const prose = [
    report.narrative?.overview,
    report.narrative?.active,
    report.narrative?.requests,
    report.narrative?.appeals,
    report.narrative?.problems,
    report.narrative?.other,
  ];
  const section = (heading: string, i: number): Html =>
    html`<section aria-labelledby="report-${i}">
      <h2 id="report-${i}">${heading}</h2>
      ${paragraphs(prose[i] ?? '')}${i >= 1 && i <= 3 && tables[i - 1] ? raw(tables[i - 1]!) : ''}
    </section>`;
  return portalPage(view, {
    title: meta.title,
    current: 'reports',
    head: html`<style>
      ${raw(REPORT_TABLE_CSS)}
    </style>`,
    body: html`${breadcrumbs(view, [{ label: '年度报告', href: link(view, '/reports') }, { label: `${meta.year} 年度` }])}
      <article class="report" aria-labelledby="report-title">
        <h1 id="report-title">${meta.title}</h1>
        <p class="hint">
          公布日期：${meta.publishedAt.slice(0, 10)} ·
          <a href="${link(view, `/reports/${meta.year}/download.docx`)}">下载 Word 版</a>
        </p>
        ${SECTION_HEADINGS.map(section)}
      </article>`,
  });
}
