// zod with Chinese default messages: any rule without its own message still answers in Chinese.
import { z } from "zod";

z.config(z.locales.zhCN());

export { z };
