/**
 * A printable form as data: what the regulation's template shows, already worded in Vietnamese and
 * laid out as blocks, but with no notion of pages, fonts or PDF. The builders (./receipt.ts,
 * ./notices.ts, ./control-sheet.ts, ./handover.ts) fill it from a dossier; shared/forms/render.ts
 * draws it. Keeping the two apart lets the tests check every field as data, and the renderer stay
 * one piece of layout for every form.
 */
import type { Agency } from '../catalog/model';
import type { Dossier, DossierEvent } from '../dossier/model';

/** The forms of the one-stop regulation (Circular 01/2018 numbering) and the hand-over record. */
export const FORM_IDS = ['01', '02', '03', '04', '05', '06', 'ban-giao'] as const;
export type FormId = (typeof FORM_IDS)[number];

/** The one-stop counter of an agency, as its forms name it (tenant settings, `forms.counters`). */
export interface CounterIdentity {
  agency: string;
  /** e.g. "Bộ phận Một cửa UBND xã Bình Thành". */
  name: string;
  address?: string;
  phone?: string;
  /** The place on the date line ("Bình Thành, ngày … tháng … năm …"). */
  place?: string;
}

/** What the tenant's settings say about the look of its forms: one identity per province. */
export interface FormIdentity {
  /** The tenant's name ("Tỉnh Demo"). */
  tenantName: string;
  /** The place on the date line where a counter names none ("Demo"). */
  place?: string;
  counters: readonly CounterIdentity[];
}

export type AgencyDirectory = ReadonlyMap<string, Pick<Agency, 'name' | 'parent' | 'address'>>;

/** Everything a form is made of; the same input always gives the same form. */
export interface FormInput {
  dossier: Dossier;
  /** The dossier's history, oldest first (the control sheet's lines). */
  events: readonly DossierEvent[];
  agencies: AgencyDirectory;
  identity: FormIdentity;
  /** The public tracking page of the dossier: what the QR code opens. */
  trackingUrl: string;
  /**
   * The receipt secret (issue 11 §7), for form 01 only: printed so the applicant can see the full
   * status, supplement or withdraw without an account. Absent for dossiers made before it existed.
   */
  receiptSecret?: string;
}

export type Block =
  /** A paragraph; `label` is printed bold before the text. */
  | { kind: 'text'; text: string; label?: string; italic?: boolean; bold?: boolean; align?: 'center' }
  /** A table with a header row; widths are fractions of the text width. */
  | {
      kind: 'table';
      columns: ReadonlyArray<{ title: string; width: number; align?: 'center' }>;
      rows: string[][];
    }
  | { kind: 'space'; lines: number };

export interface Signature {
  /** "NGƯỜI NỘP HỒ SƠ". */
  title: string;
  /** "(Ký và ghi rõ họ tên)". */
  hint: string;
  /** A name printed under the space for the signature, when it is known. */
  name?: string;
}

export interface FormModel {
  id: FormId;
  /** "Mẫu số 01" (top right), or the record's own wording. */
  formLabel: string;
  header: {
    /** The superior agency, upper case ("UBND TỈNH DEMO"). */
    superior: string;
    /** The issuing agency or counter, upper case, bold. */
    issuer: string;
    /** Address and phone of the counter, small, under the header. */
    contact?: string;
  };
  /** "Số: 0001/TNHS"; absent when the form has no number. */
  number?: string;
  /** "Bình Thành, ngày 01 tháng 12 năm 2026". */
  placeDate: string;
  title: string;
  /** A line under the title, e.g. the recipient. */
  subtitle?: string;
  blocks: Block[];
  signatures: Signature[];
  /** Printed beside the QR code. */
  dossierCode: string;
  trackingUrl: string;
  /**
   * The instant the form speaks of (receipt, refusal, apology…): also the PDF's creation date, so
   * the same dossier always gives the same bytes.
   */
  issuedAt: string;
}
