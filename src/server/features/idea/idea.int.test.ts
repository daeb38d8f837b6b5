import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, expect, it } from 'vitest';
import type { InsightSnapshot } from '../../../core/workspace/insight-snapshot.ts';
import type { Brand, WorkspaceItem } from '../../../core/workspace/items.ts';
import {
  defaultBrand,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';
import { startSmtpServer, tokenFromMail } from '../../testing/smtp.ts';
import { SNAPSHOT_EMAILS_PER_HOUR } from './service.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

const INSIGHT = {
  buyerIntent: 'Parents comparing lunchbox brands before the school term starts',
  buyerMotivation: 'They want lunches that survive the bag and come home empty',
  emotionalTriggers: ['trust', 'relief'],
  triggerNotes: '',
  shopperType: 'quality-focused',
  shopperNotes: 'Reads every review',
  demographics: 'Ages 30–45, two children, suburban',
};
/** trust+relief, trust+relief, relief+trust, trust+belonging, trust+relief → trust 50 %, relief 40 %. */
const ANSWERS = { 'first-look': 2, worry: 0, 'after-purchase': 0, 'word-of-mouth': 3, return: 0 };

interface SnapshotBody {
  snapshot: InsightSnapshot;
}

async function save(client: TestClient, brandId: string, kind: string, data: Record<string, unknown>) {
  return client.request<{ item: WorkspaceItem }>('PUT', `/api/brands/${brandId}/items/${kind}`, {
    json: { baseVersion: 0, data, sources: { buyerIntent: 'ai' } },
  });
}

/** A signed-up user with a named brand holding a filled Insight worksheet and assessment. */
async function userWithWorksheet(client: TestClient) {
  const { email } = await signUp(client, { name: 'Priya Shah' });
  const brand = await defaultBrand(client);
  const renamed = await client.request('PATCH', `/api/brands/${brand.id}`, { json: { name: 'Crumb & Co' } });
  expect(renamed.status).toBe(200);
  expect((await save(client, brand.id, 'insight', INSIGHT)).status).toBe(200);
  expect((await save(client, brand.id, 'trigger-assessment', { answers: ANSWERS })).status).toBe(200);
  return { email, brandId: brand.id };
}

async function verifyEmail(client: TestClient, email: string) {
  const mail = await smtp.waitForMessage(
    (message) => message.to.includes(email) && /confirm/i.test(message.subject),
  );
  const verified = await client.post('/api/auth/verify-email', {
    token: tokenFromMail(mail, '/auth/verify-email'),
  });
  expect(verified.status).toBe(200);
}

async function pdfText(client: TestClient, path: string) {
  const response = await fetch(new URL(path, client.baseUrl), { headers: { cookie: client.cookieHeader() } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return { response, text, bytes };
}

describeOnEachDatabase(
  'Insight snapshots',
  (getApp) => {
    it('freezes the saved worksheet and assessment, lists it, and serves it as a PDF with the user’s words', async () => {
      const browser = getApp().client();
      const { brandId } = await userWithWorksheet(browser);

      const created = await browser.post<SnapshotBody>(`/api/brands/${brandId}/insight-snapshots`, {});
      expect(created.status).toBe(201);
      const { snapshot } = created.body;
      expect(snapshot.brandId).toBe(brandId);
      expect(snapshot.data.brandName).toBe('Crumb & Co');
      expect(snapshot.data.insight).toEqual(INSIGHT);
      expect(snapshot.data.assessment.answered).toBe(5);
      expect(snapshot.data.assessment.ranking.slice(0, 2)).toEqual([
        { trigger: 'trust', points: 5, share: 0.5 },
        { trigger: 'relief', points: 4, share: 0.4 },
      ]);

      // The snapshot stays as it was when the worksheet changes afterwards.
      const current = await browser.get<{ item: WorkspaceItem }>(`/api/brands/${brandId}/items/insight`);
      const edited = await browser.request('PUT', `/api/brands/${brandId}/items/insight`, {
        json: {
          baseVersion: current.body.item.version,
          data: { ...INSIGHT, buyerIntent: 'Changed later' },
          sources: {},
        },
      });
      expect(edited.status).toBe(200);
      const second = await browser.post<SnapshotBody>(`/api/brands/${brandId}/insight-snapshots`, {});
      expect(second.body.snapshot.data.insight.buyerIntent).toBe('Changed later');

      const list = await browser.get<{ snapshots: InsightSnapshot[] }>(
        `/api/brands/${brandId}/insight-snapshots`,
      );
      expect(list.status).toBe(200);
      expect(list.body.snapshots.map((entry) => entry.id)).toEqual([second.body.snapshot.id, snapshot.id]);
      expect(list.body.snapshots[1]?.data.insight.buyerIntent).toBe(INSIGHT.buyerIntent);

      const { response, text } = await pdfText(browser, `/api/insight-snapshots/${snapshot.id}/pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="insight-snapshot-crumb-co-\d{4}-\d{2}-\d{2}\.pdf"$/,
      );
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Insight snapshot');
      expect(flat).toContain('Crumb & Co');
      expect(flat).toContain(INSIGHT.buyerIntent);
      expect(flat).toContain(INSIGHT.buyerMotivation);
      expect(flat).toContain('Quality-focused');
      expect(flat).toContain('Ages 30–45, two children, suburban');
      expect(flat).toContain('Trust');
      expect(flat).toContain('50%');
    });

    it('refuses to snapshot an empty worksheet', async () => {
      const browser = getApp().client();
      await signUp(browser);
      const brand = await defaultBrand(browser);
      const response = await browser.post<ErrorBody>(`/api/brands/${brand.id}/insight-snapshots`, {});
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.message).toMatch(/worksheet is empty/);
      const list = await browser.get<{ snapshots: InsightSnapshot[] }>(
        `/api/brands/${brand.id}/insight-snapshots`,
      );
      expect(list.body.snapshots).toEqual([]);
    });

    it('emails the PDF to the user’s own address only once it is verified, and throttles it', async () => {
      const browser = getApp().client();
      const { email, brandId } = await userWithWorksheet(browser);
      const { snapshot } = (await browser.post<SnapshotBody>(`/api/brands/${brandId}/insight-snapshots`, {}))
        .body;

      const unverified = await browser.post<ErrorBody>(`/api/insight-snapshots/${snapshot.id}/email`, {});
      expect(unverified.status).toBe(403);
      expect(unverified.body.error.code).toBe('FORBIDDEN');
      expect(unverified.body.error.message).toMatch(/verify your email address/i);
      expect(
        smtp.messages.some((message) => message.to.includes(email) && /snapshot/i.test(message.subject)),
      ).toBe(false);

      await verifyEmail(browser, email);
      // The recipient never comes from the request: extra fields are refused, not used.
      const redirected = await browser.post<ErrorBody>(`/api/insight-snapshots/${snapshot.id}/email`, {
        to: 'someone.else@example.com',
      });
      expect(redirected.status).toBe(400);
      expect(redirected.body.error.code).toBe('VALIDATION_FAILED');

      const sent = await browser.post<{ sentTo: string }>(`/api/insight-snapshots/${snapshot.id}/email`, {});
      expect(sent.status).toBe(202);
      expect(sent.body.sentTo).toBe(email);
      const mail = await smtp.waitForMessage(
        (message) => message.to.includes(email) && /Insight snapshot/.test(message.subject),
      );
      expect(mail.to).toEqual([email]);
      expect(mail.subject).toBe('Your Insight snapshot for Crumb & Co');
      expect(mail.text).toContain('Hi Priya Shah');
      expect(mail.attachments).toHaveLength(1);
      const [attachment] = mail.attachments;
      expect(attachment?.contentType).toBe('application/pdf');
      expect(attachment?.filename).toMatch(/^insight-snapshot-crumb-co-\d{4}-\d{2}-\d{2}\.pdf$/);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(attachment?.content ?? [])), {
        mergePages: true,
      });
      expect(text.replace(/\s+/g, ' ')).toContain(INSIGHT.buyerIntent);

      const statuses: number[] = [];
      for (let attempt = 1; attempt < SNAPSHOT_EMAILS_PER_HOUR + 1; attempt += 1)
        statuses.push((await browser.post(`/api/insight-snapshots/${snapshot.id}/email`, {})).status);
      expect(statuses.slice(0, -1).every((status) => status === 202)).toBe(true);
      const limited = statuses.at(-1);
      expect(limited).toBe(429);
    });

    it('gives another user a 404 for every snapshot route and never shows them the content', async () => {
      const owner = getApp().client();
      const { brandId } = await userWithWorksheet(owner);
      const { snapshot } = (await owner.post<SnapshotBody>(`/api/brands/${brandId}/insight-snapshots`, {}))
        .body;

      const stranger = getApp().client();
      await signUp(stranger);
      const attempts = [
        await stranger.get<ErrorBody>(`/api/brands/${brandId}/insight-snapshots`),
        await stranger.post<ErrorBody>(`/api/brands/${brandId}/insight-snapshots`, {}),
        await stranger.get<ErrorBody>(`/api/insight-snapshots/${snapshot.id}/pdf`),
        await stranger.post<ErrorBody>(`/api/insight-snapshots/${snapshot.id}/email`, {}),
      ];
      for (const response of attempts) {
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
        expect(response.text).not.toContain(INSIGHT.buyerIntent);
      }
      const visitor = await getApp().client().get<ErrorBody>(`/api/insight-snapshots/${snapshot.id}/pdf`);
      expect(visitor.status).toBe(401);
    });

    it('takes a deleted brand’s snapshots out of reach with it', async () => {
      const browser = getApp().client();
      const { brandId } = await userWithWorksheet(browser);
      const { snapshot } = (await browser.post<SnapshotBody>(`/api/brands/${brandId}/insight-snapshots`, {}))
        .body;
      // The last brand cannot be deleted, so make a second one first.
      expect((await browser.post('/api/brands', { name: 'Second brand' })).status).toBe(201);
      expect((await browser.request('DELETE', `/api/brands/${brandId}`)).status).toBe(204);
      expect((await browser.get(`/api/insight-snapshots/${snapshot.id}/pdf`)).status).toBe(404);
      expect((await browser.get(`/api/brands/${brandId}/insight-snapshots`)).status).toBe(404);
    });

    it('answers bad input with a clear 400', async () => {
      const browser = getApp().client();
      const { brandId } = await userWithWorksheet(browser);
      const badBrand = await browser.post<ErrorBody>('/api/brands/not-a-uuid/insight-snapshots', {});
      expect(badBrand.status).toBe(400);
      expect(badBrand.body.error.details?.[0]?.path).toBe('params.brandId');
      const badId = await browser.get<ErrorBody>('/api/insight-snapshots/12345/pdf');
      expect(badId.status).toBe(400);
      expect(badId.body.error.code).toBe('VALIDATION_FAILED');
      const extraField = await browser.post<ErrorBody>(`/api/brands/${brandId}/insight-snapshots`, {
        data: { buyerIntent: 'smuggled' },
      });
      expect(extraField.status).toBe(400);
      expect(extraField.body.error.code).toBe('VALIDATION_FAILED');
      const missing = await browser.get<ErrorBody>(
        '/api/insight-snapshots/00000000-0000-4000-8000-000000000000/pdf',
      );
      expect(missing.status).toBe(404);
      // The assessment accepts only its own questions and options.
      const current = await browser.get<{ item: WorkspaceItem }>(
        `/api/brands/${brandId}/items/trigger-assessment`,
      );
      const badAnswer = await browser.request<ErrorBody>(
        'PUT',
        `/api/brands/${brandId}/items/trigger-assessment`,
        {
          json: { baseVersion: current.body.item.version, data: { answers: { worry: 7 } }, sources: {} },
        },
      );
      expect(badAnswer.status).toBe(400);
      expect(badAnswer.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('puts each snapshot the owner can still download into their account export, and only theirs', async () => {
      const owner = getApp().client();
      const { brandId } = await userWithWorksheet(owner);
      const first = await owner.post<SnapshotBody>(`/api/brands/${brandId}/insight-snapshots`, {});
      const second = await owner.post<SnapshotBody>(`/api/brands/${brandId}/insight-snapshots`, {});
      expect([first.status, second.status]).toEqual([201, 201]);
      // A deleted brand takes its snapshots out of the export as it does out of the download link.
      const gone = await owner.post<{ brand: Brand }>('/api/brands', { name: 'Closed Shop' });
      expect((await save(owner, gone.body.brand.id, 'insight', INSIGHT)).status).toBe(200);
      const goneSnapshot = await owner.post<SnapshotBody>(
        `/api/brands/${gone.body.brand.id}/insight-snapshots`,
        {},
      );
      expect(goneSnapshot.status).toBe(201);
      expect((await owner.request('DELETE', `/api/brands/${gone.body.brand.id}`)).status).toBe(204);

      const stranger = getApp().client();
      const strangerBrand = (await userWithWorksheet(stranger)).brandId;
      const foreign = await stranger.post<SnapshotBody>(`/api/brands/${strangerBrand}/insight-snapshots`, {});
      expect(foreign.status).toBe(201);

      const exported = async (client: TestClient) => {
        const response = await fetch(new URL('/api/account/export', client.baseUrl), {
          headers: { cookie: client.cookieHeader() },
        });
        expect(response.status).toBe(200);
        const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
        return Object.entries(files).filter(([name]) => name.startsWith('documents/insight-snapshots/'));
      };
      const name = (snapshot: InsightSnapshot) =>
        `documents/insight-snapshots/insight-snapshot-crumb-co-${snapshot.createdAt.slice(0, 10)}-${snapshot.id.slice(0, 8)}.pdf`;

      const mine = await exported(owner);
      expect(mine.map(([path]) => path)).toEqual([name(first.body.snapshot), name(second.body.snapshot)]);
      const [, bytes = new Uint8Array()] = mine[0] ?? [];
      const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
      expect(text).toContain('Insight snapshot');
      expect(text).toContain('Crumb & Co');

      const theirs = await exported(stranger);
      expect(theirs.map(([path]) => path)).toEqual([name(foreign.body.snapshot)]);
    });
  },
  { env: { SMTP_URL: smtp.url } },
);
