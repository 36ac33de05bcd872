import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { assertMayChange } from '@ledarspegel/auth';
import { DomainError } from '@ledarspegel/core';
import {
  type Questionnaire,
  QuestionnaireRegistry,
  QuestionnairesService,
  questionnaireProblems,
} from '@ledarspegel/questionnaires';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleView, file, page, redirect } from '../rendering/console-view';
import { readCsvUpload } from '../people/import-uploads';
import { ConsoleForms } from '../session/console-forms';
import { expectedError } from '../session/console-page.filter';
import type { ConsoleSession } from '../session/console-session';
import { type Form, positiveInt } from '../views/form';
import {
  type EditorProblem,
  fieldName,
  problemText,
  questionnaireEditorView,
} from '../views/questionnaire-editor.view';
import { surveyPreviewView } from '../views/survey-preview.view';
import {
  applyAction,
  blankDraft,
  copyKey,
  type DraftQuestionnaire,
  draftOf,
  type EditorMode,
  readAction,
  readDraft,
  readMode,
  toQuestionnaireBody,
} from './questionnaire-form';

const BASE = '/admin/questionnaires';

/**
 * The questionnaires in the console: the list (the seeds as templates), the editor (a copy of a
 * seed, a blank one, or a new version of one of the organisation's own), its preview as a rater
 * sees it, import and export in the seeds' JSON format. Every save goes through the
 * questionnaires service, so the console checks exactly what the API checks.
 */
@Injectable()
export class QuestionnairePages {
  constructor(
    private readonly questionnaires: QuestionnairesService,
    @Inject(QuestionnaireRegistry) private readonly registry: QuestionnaireRegistry,
    private readonly pages: ConsolePages,
    private readonly forms: ConsoleForms,
  ) {}

  async list(session: ConsoleSession, query: Form): Promise<ConsoleView> {
    const { language } = session;
    const listed = await this.questionnaires.list(session.actor);
    return page({
      section: 'questionnaires',
      template: 'pages/admin/questionnaires',
      title: 'admin.questionnaires.title',
      context: {
        imported: typeof query.imported === 'string' ? query.imported : null,
        templates: listed.filter((q) => q.template).map((q) => ({ ...q, name: q.title[language] })),
        own: listed.filter((q) => !q.template).map((q) => ({ ...q, name: q.title[language] })),
      },
    });
  }

  /** The editor on a copy of `from` (a seed or one's own), or on a blank questionnaire. */
  async newForm(session: ConsoleSession, query: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    if (typeof query.from !== 'string' || query.from === '') {
      return this.editor(session, 'create', blankDraft(), { focus: 'key' });
    }
    const source = await this.registry.find(query.from);
    const taken = (await this.registry.newestOfEach()).map((q) => q.questionnaire.key);
    const draft = { ...draftOf(source), key: copyKey(source.key, taken) };
    return this.editor(session, 'create', draft, { copiedFrom: source.title[session.language] });
  }

  /** The editor on the newest version of one of the organisation's own; a seed is copied. */
  async editForm(session: ConsoleSession, key: string, query: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    if (this.registry.isTemplate(key)) {
      return redirect(`${BASE}/new?from=${encodeURIComponent(key)}`);
    }
    const newest = await this.registry.find(key);
    const saved = positiveInt(query.saved, 0);
    return this.editor(session, 'update', draftOf(newest), {
      newestVersion: newest.version,
      savedVersion: saved > 0 ? saved : null,
    });
  }

  /** Every button of the editor: a change to the draft, a preview, or a save. */
  async post(session: ConsoleSession, form: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const mode = readMode(form);
    const draft = readDraft(form);
    const newestVersion = mode === 'update' ? await this.newestVersion(draft.key) : null;
    const action = readAction(form);
    if (action.kind === 'scale') {
      return this.editor(session, mode, draft, { newestVersion, focus: 'scale.min' });
    }
    if (action.kind !== 'save' && action.kind !== 'preview') {
      const changed = applyAction(draft, action);
      return this.editor(session, mode, changed.draft, { newestVersion, focus: changed.focus });
    }
    const body = toQuestionnaireBody(draft);
    if (action.kind === 'preview') {
      const problems = questionnaireProblems(body, { versionOptional: true });
      if (problems.length > 0) {
        return this.editor(session, mode, draft, { newestVersion, problems, status: 422 });
      }
      return this.preview(
        session,
        { ...(body as unknown as Questionnaire), version: 0 },
        action.self,
        {
          otherView: null,
          back: mode === 'update' ? `${BASE}/${encodeURIComponent(draft.key)}/edit` : BASE,
        },
      );
    }
    try {
      const saved =
        mode === 'update'
          ? await this.questionnaires.update(session.actor, draft.key, body)
          : await this.create(session, body);
      return redirect(`${BASE}/${encodeURIComponent(saved.key)}/edit?saved=${saved.version}`);
    } catch (error) {
      const refused = expectedError(error, 'invalid', 'conflict');
      const problems: EditorProblem[] =
        refused.code === 'invalid'
          ? ((refused.details ?? []) as EditorProblem[])
          : [
              {
                field: mode === 'create' ? 'key' : 'questionnaire',
                code: 'conflict',
                message: refused.message,
              },
            ];
      return this.editor(session, mode, draft, { newestVersion, problems, status: 422 });
    }
  }

  /** A saved version as a rater sees it. */
  async savedPreview(session: ConsoleSession, key: string, query: Form): Promise<ConsoleView> {
    const version = typeof query.version === 'string' ? positiveInt(query.version) : undefined;
    const questionnaire = await this.registry.find(key, version);
    const self = query.as === 'self';
    const address = `${BASE}/${encodeURIComponent(key)}/preview?version=${questionnaire.version}`;
    return this.preview(session, questionnaire, self, {
      otherView: self ? address : `${address}&as=self`,
      back: this.registry.isTemplate(key) ? BASE : `${BASE}/${encodeURIComponent(key)}/edit`,
    });
  }

  /** A version (the newest by default) as a file in the seeds' format: an export. */
  async exportFile(session: ConsoleSession, key: string, query: Form): Promise<ConsoleView> {
    const version = typeof query.version === 'string' ? positiveInt(query.version) : undefined;
    const questionnaire = await this.questionnaires.get(session.actor, key, version);
    return file(
      'application/json; charset=utf-8',
      `${questionnaire.key}-v${questionnaire.version}.json`,
      `${JSON.stringify(questionnaire, null, 2)}\n`,
    );
  }

  importForm(session: ConsoleSession): ConsoleView {
    assertMayChange(session.actor);
    return this.importPage({ content: '' }, [], 200);
  }

  /** A file (uploaded or pasted) in the seeds' format, created as a new questionnaire. */
  async importFile(session: ConsoleSession, request: FastifyRequest): Promise<ConsoleView> {
    assertMayChange(session.actor);
    let upload: { fields: Form; csv: Buffer | null };
    try {
      upload = await readCsvUpload(request);
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
      return this.importPage(
        { content: '' },
        [{ field: 'file', code: tooLarge ? 'too_large' : 'unreadable' }],
        tooLarge ? 413 : 400,
      );
    }
    this.forms.check(request, session, upload.fields);
    const pasted = typeof upload.fields.content === 'string' ? upload.fields.content : '';
    const content = upload.csv && upload.csv.length > 0 ? upload.csv.toString('utf8') : pasted;
    if (content.trim() === '') {
      return this.importPage({ content: pasted }, [{ field: 'file', code: 'no_file' }], 422);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch (error) {
      return this.importPage(
        { content: pasted },
        [{ field: 'file', code: 'not_json', values: { detail: (error as Error).message } }],
        422,
      );
    }
    try {
      const created = await this.create(session, parsed);
      return redirect(`${BASE}?imported=${encodeURIComponent(created.key)}`);
    } catch (error) {
      const refused = expectedError(error, 'invalid', 'conflict');
      const problems: EditorProblem[] =
        refused.code === 'invalid'
          ? ((refused.details ?? []) as EditorProblem[])
          : [{ field: 'key', code: 'conflict', message: refused.message }];
      return this.importPage({ content: pasted }, problems, 422, session);
    }
  }

  /** Creates, with the console's own word for a template's key. */
  private create(session: ConsoleSession, body: unknown) {
    const key = (body as { key?: unknown } | null)?.key;
    if (typeof key === 'string' && this.registry.isTemplate(key)) {
      throw new DomainError('invalid', 'A template’s key.', [
        { field: 'key', code: 'key_template' },
      ]);
    }
    return this.questionnaires.create(session.actor, body);
  }

  private async newestVersion(key: string): Promise<number> {
    if (this.registry.isTemplate(key)) {
      throw new DomainError('conflict', `'${key}' is a template: copy it to change it.`);
    }
    return (await this.registry.find(key)).version;
  }

  private preview(
    session: ConsoleSession,
    questionnaire: Questionnaire,
    self: boolean,
    links: { otherView: string | null; back: string },
  ): ConsoleView {
    const t = this.pages.texts(session.language);
    const title = questionnaire.title[session.language];
    return {
      kind: 'document',
      template: 'pages/survey',
      context: surveyPreviewView({
        campaign: {
          id: '',
          name: t('admin.questionnaireEditor.previewCampaign'),
          status: 'open',
          anonymityThreshold: 3,
          showManagerSeparately: false,
          closesAt: null,
        },
        questionnaire,
        self,
        language: session.language,
        t,
        links: { ...links, backText: t('admin.questionnaireEditor.previewBack') },
        title: t('admin.campaign.surveyPreviewTitle', { name: title }),
      }),
    };
  }

  private editor(
    session: ConsoleSession,
    mode: EditorMode,
    draft: DraftQuestionnaire,
    options: {
      problems?: EditorProblem[];
      focus?: string | null;
      newestVersion?: number | null;
      savedVersion?: number | null;
      copiedFrom?: string | null;
      status?: number;
    },
  ): ConsoleView {
    const t = this.pages.texts(session.language);
    return page({
      section: 'questionnaires',
      template: 'pages/admin/questionnaire-editor',
      title:
        mode === 'create'
          ? 'admin.questionnaireEditor.newTitle'
          : { key: 'admin.questionnaireEditor.editTitle', parameters: { key: draft.key } },
      status: options.status ?? 200,
      context: questionnaireEditorView({
        draft,
        mode,
        problems: options.problems ?? [],
        focus: options.focus ?? null,
        newestVersion: options.newestVersion ?? null,
        savedVersion: options.savedVersion ?? null,
        copiedFrom: options.copiedFrom ?? null,
        t,
      }),
    });
  }

  private importPage(
    values: { content: string },
    problems: EditorProblem[],
    status: number,
    session?: ConsoleSession,
  ): ConsoleView {
    const t = session ? this.pages.texts(session.language) : null;
    return page({
      section: 'questionnaires',
      template: 'pages/admin/questionnaire-import',
      title: 'admin.questionnaireImport.title',
      status,
      context: {
        content: values.content,
        // problems of the file name their place in it; the page's own ones their text key
        fileProblems: problems
          .filter((p) => p.field === 'file')
          .map((p) => ({ key: `admin.questionnaireImport.problem.${p.code}`, values: p.values })),
        contentProblems: problems
          .filter((p) => p.field !== 'file')
          .map((p) =>
            t ? `${fieldName(p.field, t)}: ${problemText(p, t)}` : (p.message ?? p.field),
          ),
      },
    });
  }
}
