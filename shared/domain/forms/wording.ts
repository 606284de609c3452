/** How the forms write dates, money, documents and agencies: one place for every form's wording. */
import type { SubmittedDocument } from '../dossier/model';
import { vnParts } from '../vn-time';
import type { FormInput, FormModel } from './model';

const pad = (n: number) => String(n).padStart(2, '0');

/** `09:15 01/12/2026`: the control sheet's "hh:mm dd/mm/yyyy", in Vietnam's time. */
export function shortDateTime(iso: string): string {
  const p = vnParts(new Date(iso));
  return `${pad(p.hour)}:${pad(p.minute)} ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** `01/12/2026`. */
export function shortDate(iso: string): string {
  const p = vnParts(new Date(iso));
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** `09 giờ 15 phút, ngày 01/12/2026`: how a form's fields state an instant. */
export function longDateTime(iso: string): string {
  const p = vnParts(new Date(iso));
  return `${pad(p.hour)} giờ ${pad(p.minute)} phút, ngày ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** `Bình Thành, ngày 01 tháng 12 năm 2026`: the date line under the national motto. */
export function placeDateLine(place: string, iso: string): string {
  const p = vnParts(new Date(iso));
  return `${place}, ngày ${pad(p.day)} tháng ${pad(p.month)} năm ${p.year}`;
}

/** `1.250.000 đồng`: VND with dots between thousands, as Vietnamese documents write money. */
export function vnd(amount: number): string {
  const digits = String(Math.trunc(Math.abs(amount)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${grouped} đồng`;
}

export const DOCUMENT_KIND_LABELS: Record<SubmittedDocument['kind'], string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certifiedCopy: 'Bản sao có chứng thực',
  electronic: 'Bản điện tử',
};

const FEE_UNIT_LABELS = { dossier: 'hồ sơ', page: 'trang', copy: 'bản' } as const;

export function feeText(fee: FormInput['dossier']['fee']): string {
  return fee.amount === 0 ? 'Không thu phí, lệ phí' : `${vnd(fee.amount)}/${FEE_UNIT_LABELS[fee.unit]}`;
}

/** Vietnamese upper case: "UBND xã Bình Thành" → "UBND XÃ BÌNH THÀNH". */
export const upper = (text: string) => text.toLocaleUpperCase('vi-VN');

export const agencyName = (input: FormInput, code: string) => input.agencies.get(code)?.name ?? code;

/** The place a tenant's forms are dated at, e.g. "Demo" for "Tỉnh Demo". */
function tenantPlace(input: FormInput): string {
  return input.identity.place ?? input.identity.tenantName.replace(/^(Tỉnh|Thành phố)\s+/i, '');
}

/**
 * The header and date line of a form issued by `agency`: its superior agency on the first line,
 * the counter (or the agency itself) below; the counter's settings give its name, address, phone
 * and place, so every counter of a province prints the same identity.
 */
export function issuerOf(
  input: FormInput,
  agency: string,
  issuedAt: string,
  options: { counter: boolean },
): Pick<FormModel, 'header' | 'placeDate'> {
  const own = input.agencies.get(agency);
  const superiorCode = own?.parent ?? null;
  const superior = superiorCode ? agencyName(input, superiorCode) : input.identity.tenantName;
  const counter = options.counter ? input.identity.counters.find((c) => c.agency === agency) : undefined;
  const contact = [
    counter?.address ?? own?.address,
    counter?.phone ? `Điện thoại: ${counter.phone}` : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' - ');
  const issuer = options.counter ? (counter?.name ?? 'Bộ phận Một cửa') : agencyName(input, agency);
  // A centre that is its own counter (the provincial service centre) sits under its superior.
  const above =
    options.counter && issuer !== agencyName(input, agency) ? agencyName(input, agency) : superior;
  return {
    header: {
      superior: upper(above),
      issuer: upper(issuer),
      ...(contact ? { contact } : {}),
    },
    placeDate: placeDateLine(counter?.place ?? tenantPlace(input), issuedAt),
  };
}

export const signatureHint = '(Ký và ghi rõ họ tên)';
