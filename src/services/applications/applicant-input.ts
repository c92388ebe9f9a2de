import type { ApplicantType } from '../../domain/application/index.ts';
import { FIELD_LIMITS, isApplicantType, overLimit } from '../../domain/application/index.ts';
import { AppError } from '../../domain/errors.ts';
import { ID_KINDS, isIdKind } from '../../domain/identity/id-kinds.ts';
import { isPlausiblePhone, isValidCreditCode, isValidResidentId } from '../../domain/identity/id-number.ts';
import type { StoredApplicant } from '../../persistence/repositories/application.repository.ts';
import type { FieldCipher } from '../../security/field-cipher.ts';

/** The applicant as a form or the API gives it (条例 Art. 29(1): 姓名或者名称、身份证明、联系方式). */
export interface ApplicantInput {
  type: ApplicantType;
  /** 姓名 (natural person) or 名称 (organisation) */
  name: string;
  contactPerson?: string | null;
  /** one of ID_KINDS (src/domain/identity/id-kinds.ts) */
  idKind?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  postcode?: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Every problem with the applicant's data, each naming its field (prefix `applicant.`). */
export function checkApplicant(input: Partial<ApplicantInput> | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field: `applicant.${field}`, message });
  if (!input || typeof input !== 'object') return [{ field: 'applicant', message: '缺少申请人信息' }];
  if (!isApplicantType(input.type))
    problem(
      'type',
      '请选择申请人类型：自然人，或法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）',
    );
  const name = text(input.name);
  if (!name) problem('name', input.type === 'natural' ? '请填写申请人姓名' : '请填写申请单位名称');
  else if (overLimit(name, FIELD_LIMITS['applicant.name']))
    problem('name', `姓名或名称${overLimit(name, FIELD_LIMITS['applicant.name'])}`);
  const organisation = isApplicantType(input.type) && input.type !== 'natural';
  if (organisation && !text(input.contactPerson))
    problem('contactPerson', '法人或其他组织申请的，请填写联系人');
  const kind = text(input.idKind) || (organisation ? '统一社会信用代码' : '居民身份证');
  if (!isIdKind(kind)) problem('idKind', `证件类型只能是：${ID_KINDS.join('、')}`);
  const id = text(input.idNumber);
  if (!id)
    problem(
      'idNumber',
      organisation
        ? '请填写统一社会信用代码或其他证明文件号码'
        : '请填写身份证件号码（条例第二十九条：身份证明）',
    );
  else if (kind === '居民身份证' && !isValidResidentId(id))
    problem('idNumber', '居民身份证号码不正确：应为 18 位，最后一位校验码须正确');
  else if (kind === '统一社会信用代码' && !isValidCreditCode(id))
    problem('idNumber', '统一社会信用代码不正确：应为 18 位，最后一位校验码须正确');
  else if (id.length > 40) problem('idNumber', '证件号码过长');
  const phone = text(input.phone);
  const email = text(input.email);
  const address = text(input.address);
  if (!phone && !email && !address) problem('phone', '请至少填写一种联系方式：电话、电子邮箱或通信地址');
  if (phone && !isPlausiblePhone(phone))
    problem('phone', '电话号码格式不正确：手机为 11 位，固定电话请带区号');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problem('email', '电子邮箱格式不正确');
  const longAddress = overLimit(address, FIELD_LIMITS['applicant.address']);
  if (longAddress) problem('address', `通信地址${longAddress}`);
  const longContact = overLimit(text(input.contactPerson), FIELD_LIMITS['applicant.contactPerson']);
  if (longContact) problem('contactPerson', `联系人${longContact}`);
  const longEmail = overLimit(email, FIELD_LIMITS['applicant.email']);
  if (longEmail) problem('email', `电子邮箱${longEmail}`);
  const postcode = text(input.postcode);
  if (postcode && !/^\d{6}$/.test(postcode)) problem('postcode', '邮政编码应为 6 位数字');
  return problems;
}

export function invalid(problems: FieldProblem[]): AppError {
  return new AppError('validation', problems.map((p) => p.message).join('；'), problems[0]?.field, problems);
}

/** Encrypts the personal data for storage; blind indexes allow exact lookups by name, ID number or phone. */
export function sealApplicant(input: ApplicantInput, cipher: FieldCipher): StoredApplicant {
  const id = text(input.idNumber).toUpperCase();
  const phone = text(input.phone).replace(/[\s-]/g, '');
  const organisation = input.type !== 'natural';
  const name = text(input.name);
  return {
    nameEnc: cipher.encrypt(name),
    nameIdx: cipher.blindIndex(name),
    contactPerson: text(input.contactPerson) || null,
    idKind: text(input.idKind) || (organisation ? '统一社会信用代码' : '居民身份证'),
    idNumberEnc: cipher.encryptOptional(id),
    idNumberIdx: id ? cipher.blindIndex(id) : null,
    phoneEnc: cipher.encryptOptional(phone),
    phoneIdx: phone ? cipher.blindIndex(phone) : null,
    emailEnc: cipher.encryptOptional(text(input.email)),
    addressEnc: cipher.encryptOptional(text(input.address)),
    postcode: text(input.postcode) || null,
  };
}

/** The applicant as staff see it: decrypted, masked unless `reveal`. */
export interface ApplicantView {
  type: ApplicantType;
  name: string;
  contactPerson: string | null;
  idKind: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  masked: boolean;
}

/** The applicant's name in clear: decrypted, or as stored in a row from before 0010 not yet sealed. */
export function applicantName(cipher: FieldCipher, nameEnc: string, nameIdx: string | null): string {
  return nameIdx === null ? nameEnc : cipher.decrypt(nameEnc);
}
