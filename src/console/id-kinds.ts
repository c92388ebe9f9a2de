/**
 * The kinds of 身份证明 the server accepts. A copy of ID_KINDS in src/services/applications/applicant-input.ts,
 * which the console cannot import (that module pulls in Node's crypto through the field cipher); to be imported
 * from src/domain/identity once the list moves there.
 */
export const ID_KINDS = [
  '居民身份证',
  '护照',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '统一社会信用代码',
  '其他',
] as const;
