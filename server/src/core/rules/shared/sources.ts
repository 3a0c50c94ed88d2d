// The regulations and standards the rules cite, written once.
import type { RuleSource } from '../../findings';

export const GBT_9704_HEADINGS: RuleSource = { cite: 'GB/T 9704-2012 §7.3.3', title: '《党政机关公文格式》' };
export const GBT_9704_DATE: RuleSource = { cite: 'GB/T 9704-2012 §7.3.5', title: '《党政机关公文格式》' };
export const GBT_15834_ORDINALS: RuleSource = { cite: 'GB/T 15834-2011 附录（序次语）', title: '《标点符号用法》' };
export const GBT_15834_PAIRS: RuleSource = { cite: 'GB/T 15834-2011 §4.8、§4.9、§4.15（引号、括号、书名号）', title: '《标点符号用法》' };
export const GBT_9704_DOCUMENT_NUMBER: RuleSource = { cite: 'GB/T 9704-2012 §7.2.5', title: '《党政机关公文格式》' };
export const DUCHA_2019: RuleSource = { cite: '厅字〔2019〕28号', title: '《法治政府建设与责任落实督察工作规定》' };
export const GOV_INFO_FORMAT_2021: RuleSource = { cite: '国办公开办函〔2021〕30号', title: '《中华人民共和国政府信息公开工作年度报告格式》' };
export const GOV_INFO_FORMAT_2019: RuleSource = { cite: '国办公开办函〔2019〕60号', title: '《中华人民共和国政府信息公开工作年度报告格式（试行）》' };
export const GONGWEN_REGULATION: RuleSource = { cite: '中办发〔2012〕14号 第九条', title: '《党政机关公文处理工作条例》' };
export const GONGWEN_REVIEW: RuleSource = { cite: '中办发〔2012〕14号 第二十条', title: '《党政机关公文处理工作条例》' };
export const GONGWEN_FIGURES: RuleSource = { cite: '中办发〔2012〕14号 第二十条', title: '《党政机关公文处理工作条例》（审核数字是否准确）' };
export const GBT_15835_NUMBERS: RuleSource = { cite: 'GB/T 15835-2011', title: '《出版物上数字用法》' };
export const GANGYAO_2021: RuleSource = { cite: '中发〔2021〕33号', title: '《法治政府建设实施纲要（2021—2025年）》' };
export const GANGYAO_2015: RuleSource = { cite: '中发〔2015〕36号', title: '《法治政府建设实施纲要（2015—2020年）》' };
export const EVALUATION_CASS: RuleSource = { cite: '法治政府建设年度报告第三方评估（中国社会科学院法学研究所）', title: '《法治政府建设年度报告发布情况第三方评估报告》' };
