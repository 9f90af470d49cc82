package cli

import (
	"fmt"
	"math"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/table"
)

// checkWithData runs the method on one period's data and warns of what
// the method file alone does not show: an indicator whose rule falls back
// to another for lack of targets (so that its rule would switch between
// years), and cliffs, where changing one unit's value by 1 % of the
// indicator's range moves its total by more than cliff_points.
func (e *env) checkWithData(m *method.Method, data, sheet, events, targets string) error {
	in, err := e.readMethodInput(m, data, sheet, events, targets, "", "")
	if err != nil {
		return err
	}
	o, err := method.Run(m, in)
	if err != nil {
		return err
	}
	w := e.stdout
	for _, wn := range o.Warnings {
		if wn.Kind == "fallback" {
			fmt.Fprintln(w, e.t("提示：", "warning: ")+wn.Msg.In(e.lang)+
				e.t("（有目标的年份按原规则计分：规则在年度之间切换，名次变化可能来自规则而非数据）",
					" (years with targets use the rule itself: the rule switches between years, and rank changes may come from the switch rather than the data)"))
		}
	}
	cliffs, err := method.Cliffs(m, in)
	if err != nil {
		return err
	}
	for _, c := range cliffs {
		name := c.Unit
		for _, u := range in.Data.Units {
			if u.Code == c.Unit && u.Name != "" {
				name += " " + u.Name
			}
		}
		fmt.Fprintln(w, e.t("提示：指标 %s（规则 %s）：单位 %s 的数值 %s 变动 %s（全距的 1%%），总分变动 %s 分，超过 %s 分",
			"warning: indicator %s (rule %s): changing unit %s's value %s by %s (1%% of the range) moves its total by %s points, more than %s",
			c.Indicator, c.Rule, name, table.FormatNumber(c.Value), table.FormatNumber(c.Delta),
			table.FormatNumber(math.Round(c.Move*100)/100), table.FormatNumber(m.CliffPoints)))
	}
	return nil
}
