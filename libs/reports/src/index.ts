export * from './aggregation';
export * from './assemble-report';
export * from './insights';
export * from './organisation-summary';
export * from './report-builder';
export * from './report-content';
export * from './report-link';
export * from './report.entity';
export * from './report.loader';
export * from './report.repository';
export * from './reports.module';
export * from './reports.service';
export * from './renderers/html/report-page';
export * from './renderers/pdf/pdf-pool';
export * from './renderers/pdf/report-pdf.renderer';
export * from './renderers/report-format';
export type { Cell, TableSpec, TaggedLayout } from './renderers/pdf/tagged-layout';
/**
 * pdfkit, the fonts and the tagged layout, loaded on first use: the api's main thread renders
 * the reports' PDFs on threads and should not hold them from the start.
 */
export const loadPdfToolkit = () => import('./renderers/pdf/pdf-toolkit');
export * from './plans/development-plan.entity';
export { DevelopmentPlanRepository, type StoredPlan } from './plans/development-plan.repository';
export * from './plans/plans.service';
