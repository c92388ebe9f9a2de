import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';

/** 申请公开的政府信息 (条例第二十九条第（二）项): one or more items, each a description and an optional 文号. */
export function ItemsFields() {
  return (
    <Form.List name="items" initialValue={[{ description: '', documentNumber: '' }]}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={15}>
                <Form.Item
                  label={`第 ${index + 1} 项：名称或特征性描述`}
                  name={[field.name, 'description']}
                  rules={[
                    { required: true, whitespace: true, message: `请填写第 ${index + 1} 项申请公开的信息` },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item label="文号（如有）" name={[field.name, 'documentNumber']}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col span={2} style={{ paddingTop: 30 }}>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    aria-label={`删除第 ${index + 1} 项`}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                  />
                )}
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ description: '', documentNumber: '' })}
          >
            再添加一项
          </Button>
        </>
      )}
    </Form.List>
  );
}
