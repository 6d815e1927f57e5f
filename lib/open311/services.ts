// Open311 services are the 诉求分类 (DOMAIN.md §3: the category codes are the service codes);
// each service takes the same three attributes: district, type and the caller's name.
import { TICKET_TYPES, TYPE_LABELS } from "@/lib/domain/labels";

export type ServiceCategory = { code: string; name: string; description: string; example: string };

export const SERVICE_GROUP = "交通管理";

/** "信号灯、标志标线、车道设置" → "信号灯,标志标线,车道设置"; notes in brackets are not keywords. */
export function keywordsOf(description: string): string {
  return description
    .replace(/[（(][^）)]*[）)]/g, "")
    .split(/[、,，;；/]/)
    .map((k) => k.trim())
    .filter(Boolean)
    .join(",");
}

export function toService(category: ServiceCategory) {
  return {
    service_code: category.code,
    service_name: category.name,
    description: `${category.description}。例如：${category.example}`,
    metadata: true,
    type: "realtime",
    keywords: keywordsOf(category.description),
    group: SERVICE_GROUP,
  };
}

export const DEFAULT_TICKET_TYPE = "COMPLAINT";

/** The service definition (GET services/{code}); the same attributes for every service. */
export function toServiceDefinition(code: string, districts: readonly string[]) {
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: "district",
        datatype: "singlevaluelist",
        required: false,
        datatype_description: null,
        order: 1,
        description: "所在辖区。也可以不填：在 address_string 中写明辖区（如「西城区复兴路12号」），或提供 lat/long 落在某辖区边界内，系统会自动识别并分派。",
        values: districts.map((d) => ({ key: d, name: d })),
      },
      {
        variable: true,
        code: "type",
        datatype: "singlevaluelist",
        required: false,
        datatype_description: null,
        order: 2,
        description: `诉求类型，不填默认为${TYPE_LABELS[DEFAULT_TICKET_TYPE]}（${DEFAULT_TICKET_TYPE}）。`,
        values: TICKET_TYPES.map((t) => ({ key: t, name: TYPE_LABELS[t] })),
      },
      {
        variable: true,
        code: "name",
        datatype: "string",
        required: false,
        datatype_description: "不超过 20 个字",
        order: 3,
        description: "联系人姓名（也可用 first_name、last_name 提交）。不留姓名和手机号即为匿名反映，匿名诉求无法回访评价。",
      },
    ],
  };
}
