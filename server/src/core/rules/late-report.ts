// late-report: the 成文日期 of a report on year Y falls after its deadline in Y+1 — 3月1日 for the report
// to the level above (县级以上政府部门, 市、县、乡 党委和政府), 4月1日 for publication (every local government and
// department) and for provincial reports. rules.md §1 R1.2 (4月1日, H) and R1.3 (3月1日, M). A hint: the
// 成文日期 is not the sending date, but a report dated after its deadline was most likely late.
import type { Rule } from '../findings';
import { DUCHA_2019 } from './shared/sources';

export const lateReport: Rule = {
  id: 'late-report',
  defaultSeverity: 'hint',
  description: { zh: '成文日期晚于报送或公开期限（3月1日、4月1日）', en: 'Dated after the reporting or publication deadline (1 March, 1 April)' },
  sources: [DUCHA_2019],
  reportsOnly: true,
  check({ model, report }) {
    const year = model.year?.value;
    const date = model.signature?.date;
    if (year === undefined || !date || date.year !== year + 1 || date.month === undefined) return;
    const day = date.day ?? 1;
    const after = (month: number) => date.month! > month || (date.month === month && day > 1);
    // Provincial reports go to the centre by 4月1日; everyone else reports upward by 3月1日.
    const provincial = /省(?:人民政府|委|政府)/.test(model.unit?.name ?? '');
    if (after(4)) {
      report({
        range: date.range,
        message: {
          zh: `成文日期晚于4月1日：${year}年度的报告应在${year + 1}年4月1日前向社会公开${provincial ? '并报送' : ''}（厅字〔2019〕28号）`,
          en: `Dated after 1 April: a report on ${year} is to be published${provincial ? ' and sent' : ''} before 1 April ${year + 1}`,
        },
      });
    } else if (!provincial && after(3)) {
      report({
        range: date.range,
        message: {
          zh: `成文日期晚于3月1日：市、县、乡和政府部门的${year}年度报告应在${year + 1}年3月1日前报送上一级（厅字〔2019〕28号）`,
          en: `Dated after 1 March: city, county, township and department reports on ${year} go to the level above before 1 March ${year + 1}`,
        },
      });
    }
  },
};
