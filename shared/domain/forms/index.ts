/**
 * One entry for every printable form: the builder of each, and the refusal when a form does not
 * apply yet. Pure: a dossier, its history, the agencies and the tenant's identity in, a FormModel out.
 */
import { DomainRuleError } from '../errors';
import { controlSheetForm } from './control-sheet';
import { handoverForm } from './handover';
import { FORM_IDS, type FormId, type FormInput, type FormModel } from './model';
import { apologyForm, refusalForm, supplementForm, suspensionForm } from './notices';
import { receiptForm } from './receipt';

export { FORM_IDS, type FormId, type FormInput, type FormModel } from './model';

const BUILDERS: Record<FormId, (input: FormInput) => FormModel | undefined> = {
  '01': receiptForm,
  '02': supplementForm,
  '03': refusalForm,
  '04': apologyForm,
  '05': suspensionForm,
  '06': controlSheetForm,
  'ban-giao': handoverForm,
};

/** Why a form does not apply yet, in the problem's words (Vietnamese / English). */
const NOT_YET: Record<FormId, string> = {
  '01': 'hồ sơ chưa được tiếp nhận / the dossier has not been received',
  '02': 'hồ sơ chưa có yêu cầu bổ sung / no supplement was requested',
  '03': 'hồ sơ không bị từ chối / the dossier was not refused',
  '04': 'hồ sơ chưa có phiếu xin lỗi, hẹn lại / no apology and new appointment was made',
  '05': 'hồ sơ chưa bị dừng hay tạm dừng giải quyết / processing was never stopped or paused',
  '06': 'hồ sơ chưa được tiếp nhận / the dossier has not been received',
  'ban-giao': 'hồ sơ chưa trả kết quả / the result has not been handed over',
};

export const isFormId = (value: string): value is FormId => (FORM_IDS as readonly string[]).includes(value);

/**
 * The form, or a 409 `form-not-applicable` naming why: the dossier exists and the caller may see
 * it, but it is not (yet) in a state that form speaks of.
 */
export function buildForm(id: FormId, input: FormInput): FormModel {
  const form = BUILDERS[id](input);
  if (!form)
    throw new DomainRuleError(
      409,
      'form-not-applicable',
      'params.form',
      `Mẫu ${id} không áp dụng cho hồ sơ ${input.dossier.code}: ${NOT_YET[id]}`,
    );
  return form;
}
