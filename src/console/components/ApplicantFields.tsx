import { Col, Form, Input, Row, Select } from 'antd';
import { APPLICANT_TYPES, applicantTypeLabel } from '../../domain/application/applicant.ts';
import { ID_KINDS } from '../../domain/identity/id-kinds.ts';

/** 申请人 (条例第二十九条第（一）项): name, 身份证明 and contact, under `applicant.*`. */
export function ApplicantFields() {
  const type = Form.useWatch(['applicant', 'type']) as string | undefined;
  const organisation = type !== undefined && type !== 'natural';
  return (
    <>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item
            label="申请人类型"
            name={['applicant', 'type']}
            rules={[{ required: true, message: '请选择申请人类型' }]}
          >
            <Select options={APPLICANT_TYPES.map((t) => ({ value: t, label: applicantTypeLabel(t) }))} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            label={organisation ? '名称' : '姓名'}
            name={['applicant', 'name']}
            rules={[{ required: true, message: organisation ? '请填写申请单位名称' : '请填写申请人姓名' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {organisation && (
          <Col span={8}>
            <Form.Item
              label="联系人"
              name={['applicant', 'contactPerson']}
              rules={[{ required: true, message: '法人或其他组织申请的，请填写联系人' }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        )}
        <Col span={organisation ? 7 : 10}>
          <Form.Item label="证件类型" name={['applicant', 'idKind']}>
            <Select
              placeholder={organisation ? '统一社会信用代码' : '居民身份证'}
              allowClear
              options={ID_KINDS.map((k) => ({ value: k, label: k }))}
            />
          </Form.Item>
        </Col>
        <Col span={organisation ? 9 : 14}>
          <Form.Item
            label="证件号码"
            name={['applicant', 'idNumber']}
            rules={[{ required: true, message: '请填写身份证明的号码（条例第二十九条）' }]}
          >
            <Input maxLength={40} className="mono" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="联系电话" name={['applicant', 'phone']}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="电子邮箱" name={['applicant', 'email']}>
            <Input maxLength={100} type="email" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={18}>
          <Form.Item label="通信地址" name={['applicant', 'address']}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="邮政编码" name={['applicant', 'postcode']}>
            <Input maxLength={6} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
